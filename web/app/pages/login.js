// Log in (POST /api/auth/login sets the session cookie) and create a workspace (POST /api/signup).
import { html, useEffect, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { Button, CopyField, FormErrors, Input } from '../ui/components.js';

function AuthCard({ title, children }) {
  useEffect(() => {
    document.title = `${title} · Botcast`;
  }, [title]);
  return html`<main class="auth-screen">
    <div class="auth-card">
      <div class="auth-brand"><img src="/assets/icon.svg" alt="" width="36" height="36" /><span>Botcast</span></div>
      <h1>${title}</h1>
      ${children}
    </div>
  </main>`;
}

export function LoginPage({ onLoggedIn, expired }) {
  const form = useForm({ email: '', password: '' });
  const submit = (e) => {
    e.preventDefault();
    form.submit(async (values) => {
      await api.post('/api/auth/login', { email: values.email.trim(), password: values.password });
      await onLoggedIn();
    });
  };
  return html`<${AuthCard} title="Log in">
    ${expired && html`<div class="alert alert-info" role="status"><p>Your session ended. Log in again to continue.</p></div>`}
    <form class="form" onSubmit=${submit} novalidate>
      <${FormErrors} form=${form} />
      <${Input} label="E-mail" type="email" autocomplete="username" required autofocus ...${form.bind('email')} />
      <${Input} label="Password" type="password" autocomplete="current-password" required ...${form.bind('password')} />
      <${Button} type="submit" variant="primary" busy=${form.busy} className="btn-block">Log in</${Button}>
    </form>
    <p class="auth-foot">New to Botcast? <a href="/signup">Create a workspace</a></p>
  </${AuthCard}>`;
}

export function SignupPage({ onDone }) {
  const form = useForm({ workspaceName: '', name: '', email: '', password: '' });
  const [apiKey, setApiKey] = useState(null);
  const submit = (e) => {
    e.preventDefault();
    form.submit(async (values) => {
      const created = await api.post('/api/signup', {
        workspaceName: values.workspaceName.trim(),
        email: values.email.trim(),
        password: values.password,
        ...(values.name.trim() ? { name: values.name.trim() } : {}),
      });
      await api.post('/api/auth/login', { email: values.email.trim(), password: values.password });
      setApiKey(created.apiKey?.key ?? null);
      if (!created.apiKey?.key) await onDone();
    });
  };
  if (apiKey) {
    return html`<${AuthCard} title="Your workspace is ready">
      <p>This API key lets your systems call Botcast. It is shown only now: copy it somewhere safe.</p>
      <${CopyField} label="API key" value=${apiKey} hint='Send it as "Authorization: Bearer <key>".' />
      <${Button} variant="primary" className="btn-block" onClick=${onDone}>Continue to the panel</${Button}>
    </${AuthCard}>`;
  }
  return html`<${AuthCard} title="Create a workspace">
    <form class="form" onSubmit=${submit} novalidate>
      <${FormErrors} form=${form} />
      <${Input} label="Workspace name" required autofocus hint="Your company or project." ...${form.bind('workspaceName')} />
      <${Input} label="Your name" autocomplete="name" ...${form.bind('name')} />
      <${Input} label="E-mail" type="email" autocomplete="username" required ...${form.bind('email')} />
      <${Input} label="Password" type="password" autocomplete="new-password" required hint="At least 10 characters." ...${form.bind('password')} />
      <${Button} type="submit" variant="primary" busy=${form.busy} className="btn-block">Create workspace</${Button}>
    </form>
    <p class="auth-foot">Already have an account? <a href="/login">Log in</a></p>
  </${AuthCard}>`;
}
