// The facilitator's part after the reveal: agreed ratings per criterion, clarifications, alignment.
import { useId, useState } from 'preact/hooks';
import { agree, clarify, retireClarification, shownParticipant } from '@/lib/calibration';
import { participantLabel } from './RevealView';
import { formatDateTime, formatPercent } from '@/lib/i18n';
import type { AgreedRating, CalibrationRatings, CalibrationSession, Scorecard } from '@/lib/model';
import { reasonText } from '../errorText';
import { useI18n } from '../i18n';

interface Props {
  session: CalibrationSession;
  card: Scorecard;
  ratings: readonly CalibrationRatings[];
  ticketKeys: readonly string[];
  me: string;
  /** Facilitator or lead: agrees and clarifies. */
  facilitates: boolean;
  /** A lead of the team: may retire clarifications. */
  lead: boolean;
  nameOf: (email: string) => string;
  onSave: (session: CalibrationSession) => Promise<void>;
}

const NONE = '';
const NA = 'na';

export function AgreePanel({ session, card, ratings, ticketKeys, me, facilitates, lead, nameOf, onSave }: Props) {
  const { t, lang } = useI18n();
  // Ids unique per panel: the sidebar shows one panel per session on the ticket, the dashboard one more
  // (useId counts per render root, the session id tells apart panels of different roots).
  const base = `agree-${useId()}-${session.id}`.replace(/\s/g, '_');
  const ticketName = (key: string): string => t('sidebar.ticket.id', { id: session.tickets.find((x) => x.ticketKey === key)?.ticket.ticketId ?? key });
  // Several tickets in one form: each choice is named with its ticket (the group's legend), not only its criterion.
  const several = ticketKeys.length > 1;
  const initial = (): Record<string, string> =>
    Object.fromEntries(session.agreed.map((a) => [`${a.ticketKey}|${a.criterionId}`, a.na ? NA : a.value === null ? NONE : String(a.value)]));
  const [choices, setChoices] = useState<Record<string, string>>(initial);
  const [criterionId, setCriterionId] = useState(card.criteria[0]?.id ?? '');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (next: CalibrationSession, done: string): Promise<void> => {
    try {
      await onSave(next);
      setProblem(null);
      setStatus(done);
    } catch (error) {
      setProblem(t('calibration.notSaved', { message: reasonText(t, error) }));
    }
  };

  const agreed = (): AgreedRating[] =>
    Object.entries(choices).flatMap(([key, choice]) => {
      const [ticketKey, id] = [key.slice(0, key.lastIndexOf('|')), key.slice(key.lastIndexOf('|') + 1)];
      if (choice === NONE) return [];
      return [{ ticketKey, criterionId: id, value: choice === NA ? null : Number(choice), na: choice === NA }];
    });

  const active = session.clarifications;
  return (
    <section class="agree" aria-label={t('calibration.agree.title')}>
      {facilitates && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(agree(session, card, ratings, agreed(), new Date()), t('calibration.agree.saved'));
          }}
        >
          <h3>{t('calibration.agree.title')}</h3>
          {ticketKeys.map((ticketKey, ti) => {
            const legendId = `${base}-ticket-${ti}`;
            return (
              <fieldset class="agree-ticket" key={ticketKey}>
                <legend id={legendId}>{ticketName(ticketKey)}</legend>
                {card.criteria.map((criterion, ci) => {
                  const key = `${ticketKey}|${criterion.id}`;
                  const id = `${base}-choice-${ti}-${ci}`;
                  return (
                    <div class="agree-row" key={key}>
                      <label id={`${id}-label`} for={id}>
                        {t('calibration.agree.choose', { criterion: criterion.title })}
                      </label>
                      <select
                        id={id}
                        aria-labelledby={several ? `${legendId} ${id}-label` : undefined}
                        value={choices[key] ?? NONE}
                        onChange={(e) => setChoices({ ...choices, [key]: e.currentTarget.value })}
                      >
                        <option value={NONE}>{t('calibration.agree.none')}</option>
                        {criterion.levels.map((l, i) => (
                          <option key={l.value} value={String(l.value)}>
                            {t('review.level', { position: i + 1, label: l.label })}
                          </option>
                        ))}
                        {criterion.naAllowed && <option value={NA}>{t('calibration.na')}</option>}
                      </select>
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
          <div class="actions">
            <button type="submit" class="primary">
              {t('calibration.agree.save')}
            </button>
          </div>
        </form>
      )}
      {facilitates && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            void save(clarify(session, criterionId, text, me, new Date()), t('common.saved')).then(() => setText(''));
          }}
        >
          <h3>{t('calibration.clarify.title')}</h3>
          <label for={`${base}-clarify-criterion`}>{t('calibration.clarify.criterion')}</label>
          <select id={`${base}-clarify-criterion`} value={criterionId} onChange={(e) => setCriterionId(e.currentTarget.value)}>
            {card.criteria.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <label for={`${base}-clarify-text`}>{t('calibration.clarify.text')}</label>
          <textarea id={`${base}-clarify-text`} rows={2} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <div class="actions">
            <button type="submit">{t('calibration.clarify.save')}</button>
          </div>
        </form>
      )}
      {status && (
        <p class="status" role="status">
          {status}
        </p>
      )}
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
      {active.length > 0 && (
        <>
          <h3>{t('calibration.clarifications')}</h3>
          <ul class="clarifications">
            {active.map((c) => {
              const title = card.criteria.find((x) => x.id === c.criterionId)?.title ?? c.criterionId;
              return (
                <li key={`${c.criterionId}|${c.at}`}>
                  <strong>{title}:</strong> {c.text}{' '}
                  <span class="muted">({t('calibration.clarification.meta', { who: nameOf(c.by), date: formatDateTime(lang, c.at) })})</span>
                  {c.retiredAt !== null ? (
                    <span class="muted"> · {t('calibration.clarification.retired', { date: formatDateTime(lang, c.retiredAt) })}</span>
                  ) : (
                    lead && (
                      <button
                        type="button"
                        class="small"
                        aria-label={t('calibration.clarification.retireOf', { criterion: title, date: formatDateTime(lang, c.at) })}
                        onClick={() => void save(retireClarification(session, c.criterionId, c.at, new Date()), t('common.saved'))}
                      >
                        {t('calibration.clarification.retire')}
                      </button>
                    )
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {facilitates && session.alignments.length > 0 && (
        <>
          <h3>{t('calibration.alignment')}</h3>
          <ul>
            {session.alignments.map((a) => (
              <li key={a.participant}>{t('calibration.alignment.row', { who: participantLabel(t, shownParticipant(a.participant), nameOf), alignment: formatPercent(lang, a.alignment), rated: a.rated })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
