import { describe, expect, it } from 'vitest';
import { browserFamilyOf, deviceClassOf, isBotUserAgent } from './user-agent';

const UA = {
  chromeWin:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  androidPhoneSamsung:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  opera:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
};

describe('user agents', () => {
  it('recognises browsers as people', () => {
    for (const ua of Object.values(UA)) expect(isBotUserAgent(ua)).toBe(false);
  });

  it('treats crawlers, previewers, headless browsers, HTTP libraries and no user agent as bots', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
      'curl/8.5.0',
      'python-requests/2.32.3',
      'Go-http-client/2.0',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      '',
      null,
    ])
      expect(isBotUserAgent(ua), String(ua)).toBe(true);
  });

  it('classes devices: tablets before phones', () => {
    expect(deviceClassOf(UA.chromeWin)).toBe('desktop');
    expect(deviceClassOf(UA.firefoxMac)).toBe('desktop');
    expect(deviceClassOf(UA.safariIphone)).toBe('mobile');
    expect(deviceClassOf(UA.androidPhoneSamsung)).toBe('mobile');
    expect(deviceClassOf(UA.ipad)).toBe('tablet');
    expect(deviceClassOf(UA.androidTablet)).toBe('tablet');
  });

  it('names browser families, Chromium derivatives before Chrome', () => {
    expect(browserFamilyOf(UA.chromeWin)).toBe('chrome');
    expect(browserFamilyOf(UA.safariIphone)).toBe('safari');
    expect(browserFamilyOf(UA.firefoxMac)).toBe('firefox');
    expect(browserFamilyOf(UA.edge)).toBe('edge');
    expect(browserFamilyOf(UA.opera)).toBe('opera');
    expect(browserFamilyOf(UA.androidPhoneSamsung)).toBe('samsung');
    expect(browserFamilyOf('Mozilla/5.0 (X11) Something/1.0')).toBe('other');
  });
});
