// The dashboard's filters: months, trend granularity, team, agent, reviewer, scorecard (and version), channel, helpdesk;
// a view that reads only some of them shows only those.
import { helpdeskLabel } from '@/components/helpdeskLabel';
import { useI18n } from '@/components/i18n';
import { familyOfCardKey, type DashboardFilter, type FilterOptions, type Granularity } from '@/lib/dashboard';
import { formatTimeZone, type MessageKey } from '@/lib/i18n';
import { emailKey, seriesOf, type Scorecard } from '@/lib/model';
import { familyLabels } from '@/lib/scorecards';

/** One filter of the form ('months' is the from–to pair). */
export type FilterField = 'months' | 'granularity' | 'team' | 'agent' | 'reviewer' | 'scorecard' | 'channel' | 'helpdesk';

interface Props {
  filter: DashboardFilter;
  options: FilterOptions;
  cards: readonly Scorecard[];
  onChange: (next: DashboardFilter) => void;
  /** The filters the view reads (one it ignores would change nothing there); all when left out. */
  fields?: readonly FilterField[];
}

export function Filters({ filter, options, cards, onChange, fields }: Props) {
  const { t, lang } = useI18n();
  const shows = (field: FilterField) => !fields || fields.includes(field);
  const set = <K extends keyof DashboardFilter>(key: K, value: DashboardFilter[K]) => onChange({ ...filter, [key]: value });
  const orNull = (v: string) => (v === '' ? null : v);
  // Per family (a team's edit of a built-in with the built-in, named by its newest version).
  const cardIds = [...new Set(options.scorecards.map(familyOfCardKey))];
  // Cards of the same name (the Finnish and English "Chat") are told apart by language, then id.
  const cardLabels = familyLabels(
    cardIds,
    cards.map((c) => ({ ...c, id: seriesOf(c.id) })),
    (language) => t(`figures.language.${language}`),
  );
  const cardName = (id: string) => cardLabels.get(id) ?? id;
  const channelLabel = (c: string) => (['email', 'chat', 'call'].includes(c) ? t(`channel.${c}` as MessageKey) : c);
  // With a team chosen, the agent picker lists that team's members (and whoever is chosen already).
  const team = options.teams.find((x) => x.name === filter.team);
  const agents = team ? options.agents.filter((a) => team.members.includes(emailKey(a.id)) || a.id === filter.agent) : options.agents;

  return (
    <form class="filters" aria-label={t('dashboard.filters')} onSubmit={(e) => e.preventDefault()}>
      {shows('months') && (
        <>
          <div>
            <label for="f-from">{t('dashboard.filter.from')}</label>
            <input id="f-from" type="month" aria-describedby="f-zone" value={filter.from} max={filter.to} onChange={(e) => e.currentTarget.value && set('from', e.currentTarget.value)} />
          </div>
          <div>
            <label for="f-to">{t('dashboard.filter.to')}</label>
            <input id="f-to" type="month" aria-describedby="f-zone" value={filter.to} min={filter.from} onChange={(e) => e.currentTarget.value && set('to', e.currentTarget.value)} />
          </div>
        </>
      )}
      {shows('granularity') && (
        <div>
          <label for="f-gran">{t('dashboard.filter.granularity')}</label>
          <select id="f-gran" value={filter.granularity} onChange={(e) => set('granularity', e.currentTarget.value as Granularity)}>
            <option value="month">{t('dashboard.filter.month')}</option>
            <option value="week">{t('dashboard.filter.week')}</option>
          </select>
        </div>
      )}
      {shows('team') && options.teams.length > 0 && (
        <div>
          <label for="f-team">{t('dashboard.filter.team')}</label>
          <select id="f-team" value={filter.team ?? ''} onChange={(e) => onChange({ ...filter, team: orNull(e.currentTarget.value), agent: null })}>
            <option value="">{t('dashboard.filter.all')}</option>
            {options.teams.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {shows('agent') && (
        <div>
          <label for="f-agent">{t('dashboard.filter.agent')}</label>
          <select id="f-agent" value={filter.agent ?? ''} onChange={(e) => set('agent', orNull(e.currentTarget.value))}>
            <option value="">{t('dashboard.filter.all')}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name || a.id}
              </option>
            ))}
          </select>
        </div>
      )}
      {shows('reviewer') && (
        <div>
          <label for="f-reviewer">{t('dashboard.filter.reviewer')}</label>
          <select id="f-reviewer" value={filter.reviewer ?? ''} onChange={(e) => set('reviewer', orNull(e.currentTarget.value))}>
            <option value="">{t('dashboard.filter.all')}</option>
            {options.reviewers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name || a.id}
              </option>
            ))}
          </select>
        </div>
      )}
      {shows('scorecard') && (
        <div>
          <label for="f-card">{t('dashboard.filter.scorecard')}</label>
          <select id="f-card" value={filter.scorecard ?? ''} onChange={(e) => set('scorecard', orNull(e.currentTarget.value))}>
            <option value="">{t('dashboard.filter.all')}</option>
            {cardIds.map((id) => (
              <optgroup key={id} label={cardName(id)}>
                <option value={id}>{t('dashboard.filter.allVersions', { name: cardName(id) })}</option>
                {options.scorecards
                  .filter((k) => familyOfCardKey(k) === id)
                  .map((k) => (
                    <option key={k} value={k}>
                      {t('dashboard.filter.version', { name: cardName(id), version: k.slice(k.lastIndexOf('@') + 1) })}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
      {shows('channel') && (
        <div>
          <label for="f-channel">{t('dashboard.filter.channel')}</label>
          <select id="f-channel" value={filter.channel ?? ''} onChange={(e) => set('channel', orNull(e.currentTarget.value))}>
            <option value="">{t('dashboard.filter.all')}</option>
            {options.channels.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </div>
      )}
      {shows('helpdesk') && (
        <div>
          <label for="f-helpdesk">{t('dashboard.filter.helpdesk')}</label>
          <select id="f-helpdesk" value={filter.helpdesk ?? ''} onChange={(e) => set('helpdesk', orNull(e.currentTarget.value))}>
            <option value="">{t('dashboard.filter.all')}</option>
            {options.helpdesks.map((h) => (
              <option key={h} value={h}>
                {helpdeskLabel(t, h)}
              </option>
            ))}
          </select>
        </div>
      )}
      {shows('team') && options.teams.length === 0 && <p class="muted team-note">{t('dashboard.filter.teamNote')}</p>}
      {shows('months') && (
        <p class="muted zone-note" id="f-zone">
          {t('dashboard.filter.timeZone', { zone: formatTimeZone(lang) })}
        </p>
      )}
    </form>
  );
}
