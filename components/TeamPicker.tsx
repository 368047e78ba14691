// Which of the user's teams a new document belongs to: offered only where there are several (a review, an idea, a
// scorecard's or coaching form's first publication).
import { useI18n } from '@/components/i18n';
import type { RosterTeam } from '@/lib/sync';

export function TeamPicker({ id, teams, value, onChange }: { id: string; teams: readonly Pick<RosterTeam, 'id' | 'name'>[]; value: string | null; onChange: (team: string) => void }) {
  const { t } = useI18n();
  return (
    <div class="reviewee">
      <label for={id}>{t('teams.label')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}
