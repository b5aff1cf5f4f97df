"""Djoser's password reset e-mail.

Djoser renders its e-mails with django-templated-mail, which Debian does not package (python3-djoser
imports it only in djoser.email). PasswordResetEmail does what templated-mail's BaseEmailMessage and
djoser.email.PasswordResetEmail do together: it renders the subject, text and HTML blocks of Djoser's
own template email/password_reset.html with the same context (domain, protocol, site_name, user, uid,
token, url), so the message reads as a real Djoser server's does.
"""
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.template.context import make_context
from django.template.loader import get_template
from django.template.loader_tags import BlockNode
from djoser import utils
from djoser.conf import settings as djoser_settings


class PasswordResetEmail(EmailMultiAlternatives):
    """Djoser's EMAIL["password_reset"] interface: PasswordResetEmail(request, context).send(to)."""

    template_name = "email/password_reset.html"

    def __init__(self, request=None, context=None):
        super().__init__()
        self.request = request
        self.context = dict(context or {})

    def get_context_data(self):
        request, user = self.request, self.context["user"]
        context = {
            "domain": getattr(settings, "DOMAIN", "") or request.get_host(),
            "protocol": "https" if request.is_secure() else "http",
            "site_name": getattr(settings, "SITE_NAME", "") or request.get_host(),
            **self.context,
            "uid": utils.encode_uid(user.pk),
            "token": default_token_generator.make_token(user),
        }
        context["url"] = djoser_settings.PASSWORD_RESET_CONFIRM_URL.format(**context)
        return context

    def send(self, to, *args, **kwargs):
        template = get_template(self.template_name).template
        context = make_context(self.get_context_data(), request=self.request)
        with context.bind_template(template):
            blocks = {node.name: node.render(context).strip()
                      for node in template.nodelist.get_nodes_by_type(BlockNode)}
        self.subject = " ".join(blocks["subject"].split())
        self.body = blocks["text_body"]
        self.attach_alternative(blocks["html_body"], "text/html")
        self.to = list(to)
        self.from_email = settings.DEFAULT_FROM_EMAIL
        return super().send(*args, **kwargs)
