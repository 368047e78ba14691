// Runs the automatic checks on the composer's draft (public replies only), in the user's language.
import { useMemo } from 'preact/hooks';
import { CHECK_IDS, runChecks, type CheckId, type CheckResult } from '@/lib/checks';
import type { ComposerDraft, Extraction, SelfCheckSettings } from '@/lib/model';

export function customerNameOf(extraction: Extraction): string | null {
  return extraction.messages.find((m) => m.role === 'customer' && m.author.trim())?.author.trim() ?? null;
}

export function useDraftHints(draft: ComposerDraft | null, extraction: Extraction, settings: SelfCheckSettings): CheckResult {
  const customerName = customerNameOf(extraction);
  return useMemo(() => {
    if (!draft || draft.mode !== 'public' || !draft.text.trim()) return { lang: 'fi', hints: [] };
    return runChecks(draft.text, {
      lang: settings.language,
      customerName,
      disabled: settings.disabled.filter((id): id is CheckId => (CHECK_IDS as readonly string[]).includes(id)),
      extraBlamePhrases: settings.blamePhrases,
    });
  }, [draft, customerName, settings]);
}
