// The sidebar's Ideas tab: send an idea or an obstacle (the ticket in view linked if the person wants, its
// text copied only if they choose), and read the status and every answer of what one has sent.
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { TeamPicker } from '@/components/TeamPicker';
import { IDEA_CATEGORIES, newIdea } from '@/lib/ideas';
import { formatDateTime } from '@/lib/i18n';
import type { Extraction, Idea, IdeaCategory, Person, TicketRef } from '@/lib/model';
import { remoteDb as db } from '@/lib/service';
import { teamChoices } from '@/lib/sync';
import { useRemote } from '../useRemote';

interface Props {
  ticket: TicketRef;
  extraction: Extraction;
  me: Person | null;
}

export function IdeasPanel({ ticket, extraction, me }: Props) {
  const { t, lang } = useI18n();
  // The teams an idea may go to: the user's own, from the roster of the last sync.
  const teams = useRemote(() => db.teamRoster().then((roster) => teamChoices(roster)), [], null);
  const mine = useRemote(() => (me ? db.ideasOfSubmitter(me.id) : Promise.resolve([] as Idea[])), [me?.id], [] as Idea[]);
  // What is shown has been seen: the waiting count stops naming it.
  useEffect(() => {
    if (mine.length > 0) void db.markIdeasSeen(mine.map((i) => ({ id: i.id, updatedAt: i.updatedAt }))).catch(() => undefined);
  }, [mine]);
  return (
    <div class="ideas">
      {me && teams && teams.length > 0 ? <IdeaForm ticket={ticket} extraction={extraction} me={me} teams={teams} /> : teams && <p class="muted">{t('ideas.form.noTeam')}</p>}
      <h2>{t('ideas.mine.title')}</h2>
      {mine.length === 0 && <p class="muted">{t('ideas.mine.empty')}</p>}
      <ul class="idea-list">
        {mine.map((idea) => (
          <li key={idea.id} class="idea-card" data-idea={idea.id}>
            <p>
              <strong>{idea.title}</strong> · <span class={`idea-status status-${idea.status}`}>{t(`ideas.status.${idea.status}`)}</span>
            </p>
            <p class="muted">
              {t(`ideas.category.${idea.category}`)} · {formatDateTime(lang, idea.createdAt)}
              {idea.ticket && ` · ${t('ideas.ticket', { id: idea.ticket.ticketId })}`}
            </p>
            {idea.replies.length > 0 && (
              <ul class="idea-replies">
                {idea.replies.map((reply) => (
                  <li key={reply.at}>{t('ideas.reply', { name: reply.by.name || reply.by.id, date: formatDateTime(lang, reply.at), text: reply.text })}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function IdeaForm({ ticket, extraction, me, teams }: { ticket: TicketRef; extraction: Extraction; me: Person; teams: Array<{ id: string; name: string }> }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Idea['kind']>('idea');
  const [category, setCategory] = useState<IdeaCategory>('process');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [link, setLink] = useState(true);
  const [copy, setCopy] = useState(false);
  const [team, setTeam] = useState(teams[0]!.id);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (title.trim() === '') return setMessage({ ok: false, text: t('ideas.form.needTitle') });
    setBusy(true);
    try {
      const ticketText = link && copy ? extraction.messages.map((m) => `${m.author}: ${m.text}`).join('\n\n').slice(0, 20_000) : null;
      const idea = newIdea({ id: crypto.randomUUID(), team, submitter: me, kind, category, title, text, ticket: link ? ticket : null, ticketText, now: new Date() });
      await db.saveIdea(idea);
      setTitle('');
      setText('');
      setCopy(false);
      setMessage({ ok: true, text: t('ideas.form.sent') });
    } catch (error) {
      setMessage({ ok: false, text: errorText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="idea-form" aria-label={t('ideas.form.title')} onSubmit={(e) => void send(e)}>
      <h2>{t('ideas.form.title')}</h2>
      <fieldset>
        <legend>{t('ideas.form.kind')}</legend>
        {(['idea', 'obstacle'] as const).map((k) => (
          <label key={k} class="choice">
            <input type="radio" name="idea-kind" checked={kind === k} onChange={() => setKind(k)} /> {t(`ideas.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        {t('ideas.form.category')}
        <select value={category} onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value as IdeaCategory)}>
          {IDEA_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`ideas.category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {teams.length > 1 && <TeamPicker id="idea-team" teams={teams} value={team} onChange={setTeam} />}
      <label class="field">
        {t('ideas.form.titleField')}
        <input type="text" required maxLength={200} value={title} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        {t('ideas.form.text')}
        <textarea maxLength={5000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <label class="choice">
        <input type="checkbox" checked={link} onChange={(e) => setLink((e.currentTarget as HTMLInputElement).checked)} /> {t('ideas.form.linkTicket', { id: ticket.ticketId })}
      </label>
      {link && (
        <label class="choice">
          <input type="checkbox" checked={copy} onChange={(e) => setCopy((e.currentTarget as HTMLInputElement).checked)} /> {t('ideas.form.copyText')}
        </label>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? undefined : 'not-saved'}>
          {message.text}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {t('ideas.form.send')}
      </button>
    </form>
  );
}
