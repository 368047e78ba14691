// The dashboard's Ideas view: ideas and obstacles with their age, filtered by status, category and team,
// exported as CSV; a lead triages each (status, reply, category, sharing with the team).
import { useState } from 'preact/hooks';
import { downloadBlob } from '@/components/download';
import { errorText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { db, listIdeas, saveIdea } from '@/lib/db';
import { ideasCsv } from '@/lib/export';
import { filterIdeas, IDEA_CATEGORIES, IDEA_STATUSES, ideaAgeDays, needsReply, triage, type IdeaFilter } from '@/lib/ideas';
import { readRoster, teamChoices, type RosterTeam } from '@/lib/sync';
import { formatAge, formatDateTime } from '@/lib/i18n';
import { dayOf, leadsTeam, type Idea, type IdeaCategory, type IdeaStatus } from '@/lib/model';
import type { Me } from '../disputes/useMe';

export function IdeasView({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const ideas = useLive<Idea[] | null>(listIdeas, [], null);
  // Team names for the filter and the list: the user's teams in the roster of the last sync.
  const teams = useLive<RosterTeam[]>(async () => teamChoices(await readRoster(db())), [], []);
  const [filter, setFilter] = useState<IdeaFilter>({ status: null, category: null, team: null });
  if (ideas === null) return <p>{t('common.loading')}</p>;
  const shown = filterIdeas(ideas, filter);
  const teamName = (id: string) => teams.find((x) => x.id === id)?.name ?? id;
  const select = <K extends keyof IdeaFilter>(key: K, label: string, values: readonly string[], text: (v: string) => string) => (
    <label>
      {label}{' '}
      <select value={filter[key] ?? ''} onChange={(e) => setFilter({ ...filter, [key]: (e.currentTarget as HTMLSelectElement).value || null })}>
        <option value="">{t('ideas.filter.all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="ideas">
      <div class="filters" role="group" aria-label={t('dashboard.filters')}>
        {select('status', t('ideas.filter.status'), IDEA_STATUSES, (v) => t(`ideas.status.${v as IdeaStatus}`))}{' '}
        {select('category', t('ideas.filter.category'), IDEA_CATEGORIES, (v) => t(`ideas.category.${v as IdeaCategory}`))}{' '}
        {teams.length > 1 && select('team', t('ideas.filter.team'), teams.map((x) => x.id), teamName)}{' '}
        <button
          type="button"
          onClick={() =>
            downloadBlob(
              new Blob([ideasCsv(shown, teamName, new Date(), lang === 'fi' ? ';' : ',')], { type: 'text/csv;charset=utf-8' }),
              `arvio-ideas-${dayOf(new Date())}.csv`,
            )
          }
        >
          {t('ideas.csv')}
        </button>
      </div>
      {shown.length === 0 && <p class="muted">{t('ideas.list.empty')}</p>}
      <ul class="idea-list">
        {shown.map((idea) => (
          <li key={idea.id} class="idea-card" data-idea={idea.id}>
            <header>
              <strong>{idea.title}</strong> · <span class="idea-status">{t(`ideas.status.${idea.status}`)}</span>{' '}
              <span class="muted">
                {t(`ideas.kind.${idea.kind}`)} · {t(`ideas.category.${idea.category}`)} · {t('ideas.by', { name: idea.submitter.name || idea.submitter.id })} ·{' '}
                {teamName(idea.team)} · {t('ideas.age', { age: formatAge(t, lang, ideaAgeDays(idea, new Date())) })}
                {idea.ticket && ` · ${t('ideas.ticket', { id: idea.ticket.ticketId })}`}
                {idea.shared && ` · ${t('ideas.shared')}`}
              </span>
            </header>
            {idea.text && <p class="comment-text">{idea.text}</p>}
            {idea.ticketText && (
              <details>
                <summary>{t('ideas.ticket', { id: idea.ticket?.ticketId ?? '' })}</summary>
                <p class="comment-text">{idea.ticketText}</p>
              </details>
            )}
            {idea.replies.length > 0 && (
              <ul class="idea-replies">
                {idea.replies.map((reply) => (
                  <li key={reply.at}>{t('ideas.reply', { name: reply.by.name || reply.by.id, date: formatDateTime(lang, reply.at), text: reply.text })}</li>
                ))}
              </ul>
            )}
            {leadsTeam(me, idea.team) && <TriageForm idea={idea} me={me} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TriageForm({ idea, me }: { idea: Idea; me: Me }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<IdeaStatus>(idea.status);
  const [category, setCategory] = useState<IdeaCategory>(idea.category);
  const [shared, setShared] = useState(idea.shared);
  const [reply, setReply] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (needsReply(status) && status !== idea.status && reply.trim() === '') return setMessage({ ok: false, text: t('ideas.triage.needReply') });
    try {
      await saveIdea(triage(idea, { status, reply, category, shared, by: me.person, now: new Date() }));
      setReply('');
      setMessage({ ok: true, text: t('ideas.triage.saved') });
    } catch (error) {
      setMessage({ ok: false, text: errorText(t, error) });
    }
  };
  return (
    <form class="triage-form" aria-label={idea.title} onSubmit={(e) => void save(e)}>
      <label>
        {t('ideas.triage.status')}{' '}
        <select value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as IdeaStatus)}>
          {IDEA_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`ideas.status.${s}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('ideas.filter.category')}{' '}
        <select value={category} onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value as IdeaCategory)}>
          {IDEA_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`ideas.category.${c}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label class="choice">
        <input type="checkbox" checked={shared} onChange={(e) => setShared((e.currentTarget as HTMLInputElement).checked)} /> {t('ideas.triage.share')}
      </label>
      <label class="field">
        {t('ideas.triage.reply')}
        <textarea maxLength={5000} required={needsReply(status) && status !== idea.status} value={reply} onInput={(e) => setReply((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? undefined : 'not-saved'}>
          {message.text}
        </p>
      )}
      <button type="submit">{t('ideas.triage.save')}</button>
    </form>
  );
}
