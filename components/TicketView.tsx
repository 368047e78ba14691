// The ticket as the sidebar shows it: header, and the conversation with a selectable review target.
import { formatDateTime } from '@/lib/i18n';
import type { Extraction, ReviewTarget, TicketRef } from '@/lib/model';
import { useI18n } from './i18n';

export function TicketHeader({ ticket, extraction }: { ticket: TicketRef; extraction: Extraction }) {
  const { t } = useI18n();
  return (
    <header class="ticket" aria-label={t('sidebar.ticket.label')}>
      <p class="ticket-meta">
        <span class="ticket-id">{t('sidebar.ticket.id', { id: ticket.ticketId })}</span>
        <span class={`chip chip-${ticket.channel}`}>{t(`channel.${ticket.channel}`)}</span>
      </p>
      <h1 class="ticket-subject">{ticket.subject}</h1>
      <p class="muted">
        {t('sidebar.ticket.messages', { count: extraction.messages.length })} ·{' '}
        {t(`sidebar.ticket.source.${extraction.source}`)}
      </p>
    </header>
  );
}

interface MessageListProps {
  extraction: Extraction;
  target: ReviewTarget;
  /** Choosing what to review (the whole conversation or one message); without it, the conversation is only read (an agent's). */
  onTarget?: ((target: ReviewTarget) => void) | undefined;
}

export function MessageList({ extraction, target, onTarget }: MessageListProps) {
  const { t, lang } = useI18n();
  const whole = target.kind === 'conversation';
  return (
    <section class="messages" aria-labelledby="messages-title">
      <div class="messages-head">
        <h2 id="messages-title">{t('sidebar.messages.title')}</h2>
        {onTarget && (
          <button type="button" class="target-button" aria-pressed={whole} onClick={() => onTarget({ kind: 'conversation' })}>
            {t('sidebar.messages.whole')}
          </button>
        )}
      </div>
      <ol class="message-list">
        {extraction.messages.map((message) => {
          const selected = target.kind === 'message' && target.messageId === message.id;
          return (
            <li key={message.id} class={`message role-${message.role}${selected ? ' selected' : ''}`}>
              <article aria-label={`${t(`role.${message.role}`)}: ${message.author || t('sidebar.messages.unknownAuthor')}`}>
                <header class="message-head">
                  <span class="message-author">{message.author || t('sidebar.messages.unknownAuthor')}</span>
                  <span class={`role role-tag-${message.role}`}>{t(`role.${message.role}`)}</span>
                  <time class="muted" dateTime={message.at ?? undefined}>
                    {message.at ? formatDateTime(lang, message.at) : t('sidebar.messages.noTime')}
                  </time>
                </header>
                {/* Host-page text is data: rendered as a text node, never as markup. */}
                <p class="message-text">{message.text}</p>
                {onTarget && (
                  <button
                    type="button"
                    class="target-button small"
                    aria-pressed={selected}
                    onClick={() => onTarget(selected ? { kind: 'conversation' } : { kind: 'message', messageId: message.id })}
                  >
                    {selected ? t('sidebar.messages.selected') : t('sidebar.messages.select')}
                  </button>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
