// The coaching page's views other than the plan: each loads when first shown (or preloaded), so the
// plan, which a coach opens, does not wait for their code.
import { lazy } from '@/components/lazy';

export const SessionPage = lazy(() => import('./SessionPage').then((m) => m.SessionPage));
export const MyCoaching = lazy(() => import('./MyCoaching').then((m) => m.MyCoaching));
export const FormsView = lazy(() => import('./FormsView').then((m) => m.FormsView));
export const PrintSummary = lazy(() => import('./PrintSummary').then((m) => m.PrintSummary));
