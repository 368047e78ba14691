// The scorecards a team has: latest version of each, its status and channels, and what can be done with it.
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { namedTwice, rowName } from '@/components/rowName';
import { decidingVersion, listedVersions, versionsOfRow } from '@/lib/db';
import type { Scorecard } from '@/lib/model';
import { teamsOfRow } from '@/lib/scorecards';
import type { RosterTeam } from '@/lib/sync';
import { printUrl } from './ScorecardEditor';

export type RowAction = 'edit' | 'preview' | 'duplicate' | 'publish' | 'archive' | 'delete';

export interface ScorecardListProps {
  /** Every version of every card. */
  all: Scorecard[];
  selectedIds: ReadonlySet<string>;
  onSelect(id: string, on: boolean): void;
  /** `team`: for an edit of a built-in, the team whose own edit of it starts. */
  onAction(action: RowAction, card: Scorecard, team?: string): void;
  /** The teams the user publishes into (lib/sync publishingTeamsOf): a built-in's row starts the edit of each that has none yet. */
  publishingTeams: readonly RosterTeam[];
  /** Whether the user may make new versions of the card (lib/sync mayChangeVersions): else it is shown, previewed and copied only. */
  mayChange(card: Scorecard): boolean;
  /** Whether the user may start cards of their own (a copy): a lead, or anyone without a team backend. */
  mayCreate: boolean;
  onPreviewVersion(card: Scorecard): void;
  confirmingDelete: string | null;
  onConfirmDelete(card: Scorecard | null): void;
}

function Row(props: ScorecardListProps & { card: Scorecard; versions: Scorecard[]; namedTwice: (doc: { name: string; team: string | null }) => boolean }) {
  const { t } = useI18n();
  const { card, versions } = props;
  // A lead of several teams sees whose each card is, and edits a built-in into a team's own edit of it.
  const { team, editFor } = teamsOfRow(card, props.all, props.publishingTeams);
  const name = rowName(t, card, props.namedTwice, team);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const confirming = props.confirmingDelete === card.id;
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const published = versions.find((v) => v.status === 'published' && v.version !== card.version);
  const act = (action: RowAction) => () => props.onAction(action, card);
  // A draft that continues a published version is that version's team's to change.
  const deciding = decidingVersion(versions, card);
  const changeable = props.mayChange(deciding);

  return (
    <tr data-card-id={card.id}>
      <td class="select">
        <input
          type="checkbox"
          aria-label={t('scorecards.list.select', { name })}
          checked={props.selectedIds.has(card.id)}
          onChange={(e) => props.onSelect(card.id, e.currentTarget.checked)}
        />
      </td>
      <th scope="row" class="name">
        <span>{card.name}</span>
        {team && <span class="muted block">{t('common.team', { team: team.name })}</span>}
        {versions.length > 1 && (
          <details class="versions">
            <summary>{t('scorecards.list.versions', { count: versions.length })}</summary>
            <ul>
              {versions.map((v) => (
                <li key={v.version}>
                  {t('scorecards.version', { version: v.version })} · {t(`scorecards.status.${v.status}`)}{' '}
                  <button
                    type="button"
                    class="link"
                    aria-label={t('scorecards.list.previewVersion', { name, version: v.version })}
                    onClick={() => props.onPreviewVersion(v)}
                  >
                    {t('scorecards.action.preview')}
                  </button>{' '}
                  <a
                    href={printUrl(v)}
                    target="_blank"
                    rel="noopener"
                    aria-label={t('scorecards.list.printVersion', { name, version: v.version })}
                  >
                    {t('scorecards.action.print')}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        )}
      </th>
      <td>
        <span class={`chip status-${card.status}`}>{t(`scorecards.status.${card.status}`)}</span>
        {published && card.status === 'draft' && (
          <span class="muted block">{t('scorecards.list.publishedAlso', { version: published.version })}</span>
        )}
        {!changeable && props.mayCreate && (
          <span class="muted block">{t(deciding.team === null ? 'scorecards.list.organisations' : 'scorecards.list.anotherTeams')}</span>
        )}
      </td>
      <td class="num">{card.version}</td>
      <td>{card.channels.map((ch) => t(`channel.${ch}`)).join(', ')}</td>
      <td>{card.language.toUpperCase()}</td>
      <td class="row-actions">
        <div>
        {confirming ? (
          <span class="confirm" role="group" aria-label={t('scorecards.list.confirmDelete', { name })}>
            <span>{t('scorecards.list.confirmDelete', { name })}</span>
            <button type="button" class="danger" ref={confirmRef} onClick={act('delete')}>
              {t('scorecards.action.deleteConfirm')}
            </button>
            <button type="button" onClick={() => props.onConfirmDelete(null)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <>
            {changeable && card.status !== 'archived' && editFor.length === 0 && (
              <button type="button" aria-label={t('scorecards.list.edit', { name })} onClick={act('edit')}>
                {t('scorecards.action.edit')}
              </button>
            )}
            {changeable &&
              editFor.map((choice) => (
                <button key={choice.id} type="button" aria-label={t('common.editForOf', { name, team: choice.name })} onClick={() => props.onAction('edit', card, choice.id)}>
                  {t('common.editFor', { team: choice.name })}
                </button>
              ))}
            <button type="button" aria-label={t('scorecards.list.preview', { name })} onClick={act('preview')}>
              {t('scorecards.action.preview')}
            </button>
            {props.mayCreate && (
              <button type="button" aria-label={t('scorecards.list.duplicate', { name })} onClick={act('duplicate')}>
                {t('scorecards.action.duplicate')}
              </button>
            )}
            <a
              class="button"
              href={printUrl(card)}
              target="_blank"
              rel="noopener"
              aria-label={t('scorecards.list.print', { name })}
            >
              {t('scorecards.action.print')}
            </a>
            {changeable && card.status === 'draft' && (
              <button type="button" aria-label={t('scorecards.list.publish', { name })} onClick={act('publish')}>
                {t('scorecards.action.publish')}
              </button>
            )}
            {changeable && card.status === 'published' && (
              <button type="button" aria-label={t('scorecards.list.archive', { name })} onClick={act('archive')}>
                {t('scorecards.action.archive')}
              </button>
            )}
            {card.status === 'draft' && (
              <button
                type="button"
                class="danger"
                aria-label={t(card.version === 1 ? 'scorecards.list.delete' : 'scorecards.list.discard', { name })}
                onClick={() => props.onConfirmDelete(card)}
              >
                {t(card.version === 1 ? 'scorecards.action.delete' : 'scorecards.action.discard')}
              </button>
            )}
          </>
        )}
        </div>
      </td>
    </tr>
  );
}

function Table(props: ScorecardListProps & { cards: Scorecard[]; caption: string; namedTwice: (doc: { name: string; team: string | null }) => boolean }) {
  const { t } = useI18n();
  return (
    <table class="cards">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">{t('scorecards.list.selectColumn')}</span>
          </th>
          <th scope="col">{t('scorecards.field.name')}</th>
          <th scope="col">{t('scorecards.list.status')}</th>
          <th scope="col">{t('scorecards.list.version')}</th>
          <th scope="col">{t('scorecards.field.channels')}</th>
          <th scope="col">{t('scorecards.field.language')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('scorecards.list.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.cards.map((card) => (
          <Row
            key={card.id}
            {...props}
            card={card}
            versions={versionsOfRow(props.all, card)}
          />
        ))}
      </tbody>
    </table>
  );
}

export function ScorecardList(props: ScorecardListProps) {
  const { t } = useI18n();
  const latest = listedVersions(
    props.all,
    props.publishingTeams.map((team) => team.id),
  ).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const twice = namedTwice(latest, props.publishingTeams.length > 1);
  const active = latest.filter((c) => c.status !== 'archived');
  const archived = latest.filter((c) => c.status === 'archived');
  return (
    <div class="card-list">
      {active.length === 0 ? (
        <p class="muted">{t('scorecards.list.empty')}</p>
      ) : (
        <Table {...props} cards={active} caption={t('scorecards.list.caption')} namedTwice={twice} />
      )}
      {archived.length > 0 && (
        <details class="archived">
          <summary>{t('scorecards.list.archived', { count: archived.length })}</summary>
          <Table {...props} cards={archived} caption={t('scorecards.list.archivedCaption')} namedTwice={twice} />
        </details>
      )}
    </div>
  );
}
