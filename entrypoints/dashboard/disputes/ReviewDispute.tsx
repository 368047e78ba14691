// Under a review in My reviews: its dispute's outcome, or the agent's way to dispute it while the window of its team is open.
import { DisputeSection } from '@/components/disputes/DisputeSection';
import { useLive } from '@/components/useLive';
import { disputeOf, listTeamSettings, openDispute } from '@/lib/db';
import type { Dispute, Person, Review, Scorecard } from '@/lib/model';
import { windowDaysOf, type TeamSettings } from '@/lib/teamSettings';

export function ReviewDispute({ review, me, card }: { review: Review; me: Person; card: Scorecard | undefined }) {
  const dispute = useLive<Dispute | undefined | null>(() => disputeOf(me.id, review.id), [me.id, review.id], null);
  const settings = useLive<TeamSettings[] | null>(listTeamSettings, [], null);
  if (dispute === null || settings === null) return null;
  return <DisputeSection review={review} me={me} card={card} dispute={dispute} windowDays={windowDaysOf(settings, review.team)} onSend={openDispute} />;
}
