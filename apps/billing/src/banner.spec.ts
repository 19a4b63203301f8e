import { bannerText } from './banner';

const config = {
  host: '127.0.0.1',
  port: 3000,
  demoMode: true,
  databaseUrl: 'sqlite:data/demo.sqlite',
};

describe('the start-up banner', () => {
  it('shows demo mode’s user and password beside the demo key', () => {
    const text = bannerText(config, {
      adminKey: 'xbk_demo-key',
      user: { email: 'demo@example.com', password: 'k7m2q-x9dfr-4hwtz-bn3pe' },
      sandboxUrl: 'http://127.0.0.1:4010',
    });
    expect(text).toContain('listening on http://localhost:3000');
    expect(text).toContain('    Email:    demo@example.com');
    expect(text).toContain('    Password: k7m2q-x9dfr-4hwtz-bn3pe');
    expect(text).toContain('Demo admin key (valid until the next start): xbk_demo-key');
  });

  it('shows no demo user outside demo mode', () => {
    const text = bannerText({ ...config, demoMode: false }, {});
    expect(text).not.toContain('DEMO MODE');
    expect(text).not.toContain('Password');
  });
});
