// Every Zammad selector, as ordered candidates for both UIs: the new desktop view (Vue) and the classic UI.
//
// Learned from zammad/zammad: classic templates app/assets/javascripts/app/views/ticket_zoom/*.eco
// (article_view, title) and the desktop view's Vue components under
// app/frontend/apps/desktop/pages/ticket/components/TicketDetailView/ (ArticleList, ArticleBubble*).

// ---- Desktop view (Zammad 6.4+, 2024–), served under /desktop ----------------------------------

export const desktop = {
  /** The Vue app root of the desktop view. */
  pageMarker: ['#app [role="feed"]', '#app [data-test-id]', '#app'],
  /** The ticket's detail view; the article feed lives inside it. */
  pane: ['[data-test-id="ticket-detail-view"]', '#main-content', '[role="main"]'],
  feed: ['[role="feed"]'],
  /** TicketInformation renders the title as an inline-edit label with heading role, level 2. */
  subject: ['[role="heading"][aria-level="2"]'],
  /** ArticleList: one `<article id="article-<key>">` row per article, system message or "more" button. */
  item: ['[role="feed"] > [id^="article-"]'],
  bubble: ['[data-test-id^="article-bubble-container-"]'],
  /** ArticleBubbleBody marks the side: customers right (`Content--customer`), agents left. */
  bubbleBody: ['[data-test-id^="article-bubble-body-"]'],
  body: ['[data-test-id="article-content"] .inner-article-body', '[data-test-id="article-content"]', '[role="article"]'],
  author: ['[aria-describedby="author-name-and-creation-date"] .font-bold', '[aria-label="Article meta information"] a'],
  time: ['[aria-describedby="author-name-and-creation-date"] [datetime]', '[datetime]'],
  /** Internal notes get the striped frame (useBubbleStyleGuide: "bg-stripes", a named utility, not a hash). */
  internal: ['.bg-stripes'],
  attachments: ['[data-test-id="attachment-list"] [data-test-id="attachment-name"]', '[aria-label="Attachments"] a'],
  editorInternal: ['[data-test-id="article-reply-form"] .bg-stripes [contenteditable="true"]'],
  editor: ['[data-test-id="article-reply-form"] [contenteditable="true"]', '#article-reply-form [contenteditable="true"]'],
} as const;

// ---- Classic UI (2014–, still the default in 7.x), hash-routed at #ticket/zoom/<id> --------------

export const classic = {
  /** The classic app's navigation column and task containers. */
  pageMarker: ['#navigation', '.ticketZoom', '#app .content'],
  /** One task container per open tab; the visible one has `.active`. */
  pane: ['.content.active', '.content'],
  zoom: ['.ticketZoom'],
  subject: ['.js-objectTitle', '.ticket-title-update'],
  number: ['.js-objectNumber[data-number]', '.ticket-number'],
  /** ArticleView renders `.ticket-article-item` with the sender (customer|agent|system) as class. */
  item: ['.ticket-article-item[data-id]', '.ticket-article-item'],
  body: ['.textBubble-content .richtext-content', '.textBubble-content', '.text-bubble'],
  /** The From row of the folded meta block holds the full sender; the avatar title is the fallback. */
  author: ['.article-meta.top .article-meta-row:first-child .article-meta-value', '.js-avatar [title]', '.avatar[title]'],
  time: ['.task-subline [datetime]', '.humanTimeFromNow[datetime]', '[data-time]'],
  /** Attachment names (`.attachment-name` since 2017; before that links with data-type). */
  attachments: ['.attachments .attachment-name', '[data-type="attachment"]'],
  /** Links of the article footer carry `#ticket/zoom/<ticket>/<article>`: how an inactive pane names its ticket. */
  permalink: ['a[href*="#ticket/zoom/"]'],
  /** Signature marker: what follows it is folded away as quoted text/signature by Zammad itself. */
  skip: ['.js-signatureMarker ~ *', '.article-meta-clip', '.attachments'],
  editorInternal: ['.article-add.is-internal [contenteditable="true"]'],
  editor: ['.article-add [contenteditable="true"]', '.js-textarea[contenteditable="true"]'],
  /** body > #app holds the whole app (narrowed for the sidebar); the zoom's bottom bar has the Update button. */
  layout: { main: ['#app'], send: ['.ticketZoom-controls .js-submit', '.js-submit'] },
} as const;
