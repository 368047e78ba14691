// English strings of the dashboard's figures: telling cards and helpdesks apart, coverage by whole months, the chart legend.
export const figuresEn = {
  'figures.language.fi': 'Finnish',
  'figures.language.en': 'English',
  'figures.helpdesk.generic': 'Other site',
  'figures.criteria.scorecard': 'Scorecard',
  'figures.criteria.ofCard': '{title} · {card}',
  'figures.coverage.inProgress': '{month}, in progress',
  'figures.coverage.judged': 'Judged on whole months, from each agent’s first review on (reviews before the range count too). A month without reviews after it is below target. The current month is still in progress and is not judged.',
  'figures.coverage.noWholeMonth': 'No whole month in the range to judge yet.',
  'figures.coverage.inactive': 'Before the agent’s first review',
} as const;
