// Team administration without a terminal: the teams an admin or lead administers, their members and
// open invites; invite by e-mail with a role, change roles, remove members, revoke access; the team's settings.
import { useEffect, useState } from 'preact/hooks';
import { errorText as anyErrorText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { syncErrorKey } from '@/components/SyncStatus';
import { useLive } from '@/components/useLive';
import { db, listTeamSettings, saveTeamSettings } from '@/lib/db';
import { roleSchema, type AdminTeamsResponse, type ManagedMember, type Person, type Role } from '@/lib/model';
import { adminClient, getBackendConfig, inviteLink, personOf, readRoster, SyncError, type AdminClient, type Roster } from '@/lib/sync';
import type { TeamSettings } from '@/lib/teamSettings';
import { TeamSettingsForm } from './TeamSettingsForm';
import { formatDateTime, type Translate } from '@/lib/i18n';

type Team = AdminTeamsResponse['teams'][number];
type Notice = { kind: 'ok' | 'error'; text: string } | null;
type State = { phase: 'loading' } | { phase: 'offline' } | { phase: 'refused' } | { phase: 'error'; text: string } | { phase: 'ready'; data: AdminTeamsResponse };

/** A failed call in the user's words: the administration refusals by status, the rest as sync errors. */
function errorText(t: Translate, error: unknown): string {
  if (!(error instanceof SyncError)) return anyErrorText(t, error);
  if (error.status === 404) return t('admin.error.notFound');
  if (error.status === 409) return t('admin.error.otherAccount');
  if (error.status === 403) return t('admin.error.forbidden');
  if (error.status === 400) return t('admin.error.invalid', { message: error.detail.replace(/^HTTP 400: /, '') });
  return t(syncErrorKey(error.kind));
}

export function AdminPage() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [client, setClient] = useState<{ api: AdminClient; url: string } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const settings = useLive<TeamSettings[]>(listTeamSettings, [], []);
  const roster = useLive<Roster | null>(() => readRoster(db()), [], null);
  const me = roster ? personOf(roster.me) : null;

  const load = async (api: AdminClient): Promise<void> => {
    try {
      setState({ phase: 'ready', data: await api.teams() });
    } catch (error) {
      setState(error instanceof SyncError && error.status === 403 ? { phase: 'refused' } : { phase: 'error', text: errorText(t, error) });
    }
  };

  useEffect(() => {
    void getBackendConfig().then((config) => {
      if (!config) {
        setState({ phase: 'offline' });
        return;
      }
      const api = adminClient(config.url, config.token);
      setClient({ api, url: config.url });
      void load(api);
    });
  }, []);

  /** Runs an action, says what happened, and reloads the teams. */
  const act = async (action: (api: AdminClient) => Promise<string>): Promise<void> => {
    if (!client) return;
    try {
      setNotice({ kind: 'ok', text: await action(client.api) });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(t, error) });
    }
    await load(client.api);
  };

  return (
    <div class="page">
      <header>
        <h1>{t('admin.title')}</h1>
        <a href="/options.html">{t('admin.settingsLink')}</a>
        {client && (
          <button type="button" onClick={() => void load(client.api)}>
            {t('admin.refresh')}
          </button>
        )}
      </header>
      <main>
        <p class="muted">{t('admin.help')}</p>
        <div role="status" aria-live="polite">
          {notice && <p class={notice.kind === 'error' ? 'error-text' : 'status'}>{notice.text}</p>}
        </div>
        {state.phase === 'loading' && <p>{t('common.loading')}</p>}
        {state.phase === 'offline' && <p>{t('admin.notConnected')}</p>}
        {state.phase === 'refused' && <p>{t('admin.notAllowed')}</p>}
        {state.phase === 'error' && <p class="error-text">{state.text}</p>}
        {state.phase === 'ready' &&
          client &&
          state.data.teams.map((team) => (
            <TeamPanel
              key={team.id}
              team={team}
              grantable={state.data.grantable}
              backendUrl={client.url}
              act={act}
              settings={settings.find((s) => s.team === team.id)}
              me={me}
            />
          ))}
      </main>
    </div>
  );
}

function TeamPanel({
  team,
  grantable,
  backendUrl,
  act,
  settings,
  me,
}: {
  team: Team;
  grantable: Role[];
  backendUrl: string;
  act: (action: (api: AdminClient) => Promise<string>) => Promise<void>;
  settings: TeamSettings | undefined;
  /** Who saves the settings: known once Arvio has synced (the roster). */
  me: Person | null;
}) {
  const { t, lang } = useI18n();
  const headingId = `team-${team.id}`;
  return (
    <section class="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.team', { name: team.name })}</h2>
      <h3>{t('admin.members')}</h3>
      <table class="members">
        <thead>
          <tr>
            <th scope="col">{t('admin.member.name')}</th>
            <th scope="col">{t('admin.member.email')}</th>
            <th scope="col">{t('admin.member.role')}</th>
            <th scope="col">{t('admin.member.tokens')}</th>
            <th scope="col">{t('admin.member.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {team.members.map((member) => (
            <MemberRow key={member.id} member={member} team={team} grantable={grantable} act={act} />
          ))}
        </tbody>
      </table>

      {team.invites.length > 0 && (
        <>
          <h3>{t('admin.invites')}</h3>
          <ul class="invites">
            {team.invites.map((invite) => (
              <li key={invite.id}>
                <span>
                  {invite.email} · {t(`sync.role.${invite.role}`)} · {t('admin.invite.expires', { date: formatDateTime(lang, invite.expiresAt) })}
                </span>
                <button
                  type="button"
                  onClick={() =>
                    void act(async (api) => {
                      await api.cancelInvite(invite.id);
                      return t('admin.invite.cancelled', { email: invite.email });
                    })
                  }
                >
                  {t('admin.invite.cancel', { email: invite.email })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {grantable.length > 0 && <InviteForm team={team} grantable={grantable} backendUrl={backendUrl} act={act} />}
      {me ? <TeamSettingsForm team={team} stored={settings} me={me} onSave={saveTeamSettings} /> : <p class="muted">{t('teamSettings.needsSync')}</p>}
    </section>
  );
}

function MemberRow({
  member,
  team,
  grantable,
  act,
}: {
  member: ManagedMember;
  team: Team;
  grantable: Role[];
  act: (action: (api: AdminClient) => Promise<string>) => Promise<void>;
}) {
  const { t } = useI18n();
  const name = member.name || member.email;
  // A lead removes reviewers and agents; an admin anyone but themself (the server decides either way).
  const removable = grantable.includes(member.role) || grantable.includes('admin');
  const roles = roleSchema.options.filter((r) => grantable.includes(r) || r === member.role);
  return (
    <tr data-member={member.email}>
      <td>{name}</td>
      <td>{member.email}</td>
      <td>
        {member.manageable ? (
          <select
            aria-label={t('admin.member.roleOf', { name })}
            value={member.role}
            onChange={(e) => {
              const role = roleSchema.parse(e.currentTarget.value);
              void act(async (api) => {
                await api.changeRole(member.id, role);
                return t('admin.done.role', { name, role: t(`sync.role.${role}`) });
              });
            }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`sync.role.${r}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`sync.role.${member.role}`)
        )}
      </td>
      <td>{member.activeTokens}</td>
      <td>
        <div class="actions">
          {member.manageable && member.activeTokens > 0 && (
            <button
              type="button"
              onClick={() => {
                if (!confirm(t('admin.member.confirmRevoke', { name }))) return;
                void act(async (api) => {
                  const { revokedTokens } = await api.revokeTokens(member.id);
                  return t('admin.done.revoked', { name, count: revokedTokens });
                });
              }}
            >
              {t('admin.member.revoke', { name })}
            </button>
          )}
          {removable && (
            <button
              type="button"
              onClick={() => {
                if (!confirm(t('admin.member.confirmRemove', { name, team: team.name }))) return;
                void act(async (api) => {
                  const { revokedTokens } = await api.removeMember(team.id, member.id);
                  return t(revokedTokens > 0 ? 'admin.done.removedRevoked' : 'admin.done.removed', { name, team: team.name });
                });
              }}
            >
              {t('admin.member.remove', { name, team: team.name })}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

function InviteForm({
  team,
  grantable,
  backendUrl,
  act,
}: {
  team: Team;
  grantable: Role[];
  backendUrl: string;
  act: (action: (api: AdminClient) => Promise<string>) => Promise<void>;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(grantable.includes('agent') ? 'agent' : grantable[0]!);
  const [made, setMade] = useState<{ email: string; link: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const id = (field: string) => `invite-${field}-${team.id}`;

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    setMade(null);
    void act(async (api) => {
      const answer = await api.invite({ team: team.id, email, name, role });
      setMade({ email: answer.invite.email, link: inviteLink(backendUrl, answer.code) });
      setCopied(false);
      setEmail('');
      setName('');
      return t('admin.invite.made', { email: answer.invite.email });
    });
  };

  return (
    <form onSubmit={onSubmit} aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('admin.invite.title')}</h3>
      <div class="row">
        <div>
          <label for={id('email')}>{t('admin.invite.email')}</label>
          <input id={id('email')} type="email" required autoComplete="off" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div>
          <label for={id('name')}>{t('admin.invite.name')}</label>
          <input id={id('name')} type="text" autoComplete="off" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div>
          <label for={id('role')}>{t('admin.invite.role')}</label>
          <select id={id('role')} value={role} onChange={(e) => setRole(roleSchema.parse(e.currentTarget.value))}>
            {grantable.map((r) => (
              <option key={r} value={r}>
                {t(`sync.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="primary">
          {t('admin.invite.send')}
        </button>
      </div>
      {made && (
        <div class="invite-made">
          <label for={id('link')}>{t('admin.invite.linkLabel', { email: made.email })}</label>
          <input id={id('link')} class="invite-link" type="text" readOnly value={made.link} onFocus={(e) => e.currentTarget.select()} />
          <div class="actions">
            <button
              type="button"
              onClick={() => void navigator.clipboard.writeText(made.link).then(() => setCopied(true), () => setCopied(false))}
            >
              {t('admin.invite.copy')}
            </button>
            {copied && <span class="status">{t('admin.invite.copied')}</span>}
          </div>
        </div>
      )}
    </form>
  );
}
