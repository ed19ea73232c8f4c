import { type TemplateScope, checkTemplate, isTemplateError, renderTemplate } from './index';

const scope: TemplateScope = {
  user: { id: 'usr_1', userId: 'ext-42', name: 'Ada', email: 'ada@example.com', traits: { plan: 'pro' }, tags: ['vip', 'beta'] },
  event: { name: 'Added To Cart', properties: { cartId: 'c1', total: 42.5, items: [{ sku: 'A-1' }, { sku: 'B-2' }] } },
  context: { scoring: { status: 200, body: { tier: 'gold' } } },
  journey: { id: 'jrn_1', name: 'Abandoned cart' },
};

describe('renderTemplate', () => {
  it('reads user, event, context and journey', async () => {
    expect(await renderTemplate('Hi {{ user.name }} ({{ user.traits.plan }})', scope)).toBe('Hi Ada (pro)');
    expect(await renderTemplate('{{ event.name }}: cart {{ event.properties.cartId }}, {{ event.properties.total }}', scope)).toBe('Added To Cart: cart c1, 42.5');
    expect(await renderTemplate('{{ context.scoring.body.tier | upcase }}', scope)).toBe('GOLD');
    expect(await renderTemplate('{{ journey.name }}', scope)).toBe('Abandoned cart');
    expect(await renderTemplate('{{ event.properties.items[1].sku }} {{ event.properties.items.first.sku }}', scope)).toBe('B-2 A-1');
  });

  it('loops and branches', async () => {
    expect(await renderTemplate('{% for item in event.properties.items %}{{ item.sku }}{% unless forloop.last %}, {% endunless %}{% endfor %}', scope)).toBe('A-1, B-2');
    expect(await renderTemplate('{% if user.traits.plan == "pro" %}Pro{% else %}Free{% endif %}', scope)).toBe('Pro');
    expect(await renderTemplate('{{ user.tags | join: "+" }}', scope)).toBe('vip+beta');
  });

  it('renders a missing value as empty, or as the `default`', async () => {
    expect(await renderTemplate('Hi {{ user.first_name }}!', scope)).toBe('Hi !');
    expect(await renderTemplate('Hi {{ user.first_name | default: "there" }}!', scope)).toBe('Hi there!');
    expect(await renderTemplate('{{ context.missing.deep.path | default: "n/a" }}', scope)).toBe('n/a');
    expect(await renderTemplate('{{ user.name | default: "there" }}', scope)).toBe('Ada');
  });

  it('does not read inherited properties', async () => {
    expect(await renderTemplate('[{{ user.constructor }}][{{ user.__proto__ }}][{{ event.properties.hasOwnProperty }}]', scope)).toBe('[][][]');
  });

  it('returns text without template parts as is', async () => {
    expect(await renderTemplate('Plain text, even with } braces', scope)).toBe('Plain text, even with } braces');
    expect(await renderTemplate('', scope)).toBe('');
  });

  it('fails on an unknown filter (strict filters), with a template error', async () => {
    const rendering = renderTemplate('{{ user.name | nosuchfilter }}', scope);
    await expect(rendering).rejects.toThrow('undefined filter: nosuchfilter');
    expect(isTemplateError(await rendering.catch((error: unknown) => error))).toBe(true);
    expect(isTemplateError(new Error('network down'))).toBe(false);
  });

  it('stops a runaway template instead of eating the worker', async () => {
    const bomb = "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}";
    await expect(renderTemplate(bomb, scope)).rejects.toThrow(/limit exceeded/);
    await expect(renderTemplate('{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}', scope)).rejects.toThrow(/limit exceeded/);
  });

  it('cannot read files through include, render or layout', async () => {
    // The engine runs in the API and the worker: `{% include 'package.json' %}` used to print the file.
    for (const source of ["{% include 'package.json' %}", "{% render 'package.json' %}", "{% layout 'package.json' %}x", "{% liquid\ninclude 'package.json'\n%}"]) {
      await expect(renderTemplate(source, scope)).rejects.toThrow('templates cannot load other templates');
    }
  });
});

describe('checkTemplate', () => {
  it('is null for a template that parses', () => {
    for (const source of ['', 'Hello', 'Hi {{ user.name | default: "there" | capitalize }}', '{% if user.traits.plan == "pro" %}x{% endif %}', '{% raw %}{{ not parsed }}{% endraw %}']) {
      expect(checkTemplate(source)).toBeNull();
    }
  });

  it.each([
    ['{{ user.name | nosuchfilter }}', 'undefined filter: nosuchfilter, line:1, col:1'],
    ['{% if %}', 'invalid value expression: "", line:1, col:6'],
    ['{% if user.name %}unclosed', 'tag {% if user.name %} not closed, line:1, col:1'],
    ['Hi {{ user.name', 'output "{{ user.name" not closed, line:1, col:4'],
    ['{% nosuchtag %}', 'tag "nosuchtag" not found, line:1, col:1'],
    ['{% endif %}', 'tag "endif" not found, line:1, col:1'],
    ["{% include 'header' %}", 'tag "include" is not supported: templates cannot load other templates, line:1, col:1'],
  ])('%s → %s', (source, message) => {
    expect(checkTemplate(source)).toBe(message);
  });

  it('gives one line, the position included', () => {
    const message = checkTemplate('line one\n{{ user.name | nope }}\n');
    expect(message).toBe('undefined filter: nope, line:2, col:1');
  });
});
