import { type JavaInstall, chooseJava, parseJavaMajor } from './java-selection';

const jdk = (home: string, major: number, source = '/usr/lib/jvm'): JavaInstall => ({
  home,
  major,
  source,
});

describe('parseJavaMajor', () => {
  it.each([
    ['JAVA_VERSION="17.0.15"', 17],
    ['IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="25.0.3"\n', 25],
    ['JAVA_VERSION="21"', 21],
    ['JAVA_VERSION="1.8.0_402"', 8],
  ])('reads %j as %i', (text, major) => {
    expect(parseJavaMajor(text)).toBe(major);
  });

  it('gives undefined without a usable JAVA_VERSION', () => {
    expect(parseJavaMajor('IMPLEMENTOR="x"')).toBeUndefined();
    expect(parseJavaMajor('JAVA_VERSION="abc"')).toBeUndefined();
  });
});

describe('chooseJava', () => {
  const system17 = jdk('/usr/lib/jvm/java-17-openjdk-amd64', 17, 'PATH');
  const temurin25 = jdk('/usr/lib/jvm/temurin-25-jdk-amd64', 25);
  const temurin21 = jdk('/usr/lib/jvm/temurin-21-jdk-amd64', 21);

  it('keeps the preferred (default) Java when it is new enough', () => {
    expect(chooseJava([system17], [system17, temurin25], 17)).toBe(system17);
  });

  it('takes the newest scanned JDK when the preferred one is too old', () => {
    expect(chooseJava([system17], [temurin21, system17, temurin25], 21)).toBe(temurin25);
  });

  it('honours JAVA_HOME first when it qualifies', () => {
    const javaHome = jdk('/opt/jdk21', 21, 'JAVA_HOME');
    expect(chooseJava([javaHome, system17], [temurin25], 21)).toBe(javaHome);
  });

  it('gives undefined when nothing is new enough', () => {
    expect(chooseJava([system17], [system17], 21)).toBeUndefined();
  });
});
