// Ideas and obstacles (issue 18): anyone in the team submits one; the lead triages and answers.
import { z } from 'zod';
import { check } from './checks';
import { personSchema } from './review';
import { teamIdSchema } from './team';
import { ticketRefSchema } from './ticket';

const timestamp = z.iso.datetime();

export const ideaStatusSchema = z.enum(['new', 'considering', 'inProgress', 'done', 'wontDo']);
export type IdeaStatus = z.infer<typeof ideaStatusSchema>;

export const ideaCategorySchema = z.enum(['process', 'tools', 'knowledgeBase', 'product', 'other']);
export type IdeaCategory = z.infer<typeof ideaCategorySchema>;

/** A lead's answer; `status` is the status it was given with. */
export const ideaReplySchema = z.strictObject({
  by: personSchema,
  at: timestamp,
  text: z.string().min(1).max(5000),
  status: ideaStatusSchema,
});
export type IdeaReply = z.infer<typeof ideaReplySchema>;

export const ideaSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    /** The server's id of the team it is sent to. */
    team: teamIdSchema,
    submitter: personSchema,
    kind: z.enum(['idea', 'obstacle']),
    category: ideaCategorySchema,
    title: z.string().min(1).max(200),
    text: z.string().max(5000),
    /** The ticket it came from; its text is copied only when the submitter chose to. */
    ticket: ticketRefSchema.nullable(),
    ticketText: z.string().max(20_000).nullable(),
    status: ideaStatusSchema,
    replies: z.array(ideaReplySchema).max(200),
    /** Private to the submitter and the leads unless a lead shares it with the team. */
    shared: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    deleted: z.boolean(),
  })
  .superRefine((idea, ctx) => {
    if (idea.status === 'done' || idea.status === 'wontDo') {
      check(idea.replies.at(-1)?.status === idea.status, ['replies'], `"${idea.status}" needs a reply saying ${idea.status === 'done' ? 'what was done' : 'why not'}`, ctx);
    }
    if (idea.ticketText !== null) check(idea.ticket !== null, ['ticketText'], 'ticket text comes with its ticket', ctx);
  });
export type Idea = z.infer<typeof ideaSchema>;
