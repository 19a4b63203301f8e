import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useRef, type ComponentType } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { api, ok } from './api/client';
import {
  forgetSession,
  SessionProvider,
  useSession,
  useSessionQuery,
  type Role,
} from './api/session';
import { ChangePassword } from './pages/change-password';
import { SignIn } from './pages/sign-in';
import { useHasLawFirm } from './ui/law-firm-nav';
import { Page } from './ui/page';
import { Empty, ErrorNotice, Loading } from './ui/states';

type PageModule = Promise<{ default: ComponentType }>;

interface Section {
  path: string;
  label: string;
  role: Role;
  /** Loads the page's code (a chunk of its own). */
  load: () => PageModule;
  page: ComponentType;
  /** The section also answers `${path}/:id` (an item, an invoice, a plan). */
  nested?: boolean;
}

/** The console's sections, in the order of the navigation; each page loads when first opened. */
const SECTIONS: Section[] = [
  { path: '/', label: 'Overview', role: 'viewer', ...page(() => import('./pages/overview')) },
  {
    path: '/review',
    label: 'Review',
    role: 'viewer',
    nested: true,
    ...page(() => import('./pages/review')),
  },
  {
    path: '/invoices',
    label: 'Invoices',
    role: 'viewer',
    nested: true,
    ...page(() => import('./pages/invoices')),
  },
  {
    path: '/postings',
    label: 'Postings',
    role: 'viewer',
    nested: true,
    ...page(() => import('./pages/postings')),
  },
  {
    path: '/pms-links',
    label: 'PMS',
    role: 'viewer',
    ...page(() => import('./pages/pms-links')),
  },
  {
    path: '/matters',
    label: 'Matters',
    role: 'viewer',
    nested: true,
    ...page(() => import('./pages/law-firm')),
  },
  {
    path: '/rate-plans',
    label: 'Rate plans',
    role: 'viewer',
    nested: true,
    ...page(() => import('./pages/rate-plans')),
  },
  {
    path: '/sources',
    label: 'Sources',
    role: 'viewer',
    nested: true,
    ...page(() => import('./pages/sources')),
  },
  {
    path: '/sync-runs',
    label: 'Sync runs',
    role: 'viewer',
    nested: true,
    ...page(() => import('./pages/sync-runs')),
  },
  { path: '/audit', label: 'Audit log', role: 'viewer', ...page(() => import('./pages/audit')) },
  { path: '/users', label: 'Users', role: 'admin', ...page(() => import('./pages/users')) },
  {
    path: '/api-keys',
    label: 'API keys',
    role: 'admin',
    ...page(() => import('./pages/api-keys')),
  },
];

/** A section's page, loaded when first opened. */
function page(load: () => PageModule): Pick<Section, 'load' | 'page'> {
  return { load, page: lazy(load) };
}

function sectionAt(path: string): Section | undefined {
  return SECTIONS.find((section) =>
    section.path === '/'
      ? path === '/'
      : path === section.path || path.startsWith(`${section.path}/`),
  );
}

// The page the address names starts loading now, beside the session check, not after it.
void sectionAt(window.location.pathname)?.load();

/** The whole console: the sign-in page for nobody, the sections for a signed-in person. */
export function App() {
  const session = useSessionQuery();
  // A 401 after signing in means the session ended (idle, a password change elsewhere).
  const wasSignedIn = useRef(false);
  if (session.isPending) return <Loading what="Opening the console" />;
  if (session.isError) {
    return (
      <main className="sign-in">
        <ErrorNotice error={session.error} retry={() => void session.refetch()} />
      </main>
    );
  }
  if (session.data === null) return <SignIn ended={wasSignedIn.current} />;
  wasSignedIn.current = true;
  return (
    <SessionProvider user={session.data.user}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { user, can } = useSession();
  // A person who must choose a password first has no other page to go to.
  const sections = user.mustChangePassword ? [] : SECTIONS.filter((section) => can(section.role));
  const hasLawFirm = useHasLawFirm();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to the page
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          xima-billing
        </Link>
        <nav aria-label="Sections" className="sections">
          {sections
            .filter((section) => section.path !== '/matters' || hasLawFirm)
            .map((section) => (
              <NavLink key={section.path} section={section} />
            ))}
        </nav>
        <UserMenu />
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {user.mustChangePassword ? (
          <ChangePassword />
        ) : (
          <Suspense fallback={<Loading />}>
            <Switch>
              {sections.map((section) => [
                <Route key={section.path} path={section.path} component={section.page} />,
                section.nested ? (
                  <Route
                    key={`${section.path}/:id`}
                    path={`${section.path}/:id`}
                    component={section.page}
                  />
                ) : null,
              ])}
              <Route path="/account/password" component={ChangePassword} />
              <Route path="/sign-in">
                <Redirect to="/" />
              </Route>
              <Route>
                <Page title="Not found">
                  <Empty title="There is no page here.">
                    <Link href="/">Go to the overview</Link>
                  </Empty>
                </Page>
              </Route>
            </Switch>
          </Suspense>
        )}
      </main>
    </div>
  );
}

function NavLink({ section }: { section: Section }) {
  const [location] = useLocation();
  const current =
    section.path === '/'
      ? location === '/'
      : location === section.path || location.startsWith(`${section.path}/`);
  return (
    <Link href={section.path} className="section-link" aria-current={current ? 'page' : undefined}>
      {section.label}
    </Link>
  );
}

function UserMenu() {
  const { user } = useSession();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const signOut = useMutation({
    mutationFn: () => ok(api.DELETE('/api/v1/session')),
    onSettled: () => {
      forgetSession(client);
      navigate('/', { replace: true });
    },
  });
  return (
    <div className="user-menu">
      <Link href="/account/password" className="who" title="Change your password">
        <span className="visually-hidden">Change password of </span>
        <span className="who-name">{user.name}</span>
        <span className="badge">{user.role}</span>
      </Link>
      <button
        type="button"
        className="ghost"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        Sign out
      </button>
    </div>
  );
}
