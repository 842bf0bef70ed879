// The browser tests drive Debian's chromium (never a browser download). When it is missing and
// we may install system packages (root with apt-get), install it; otherwise say what to do.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { userInfo } from 'node:os';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (userInfo().uid === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian chromium for the browser tests …');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null', { stdio: 'inherit' });
  } else {
    console.warn(`${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install chromium) to run the browser tests.`);
  }
}
