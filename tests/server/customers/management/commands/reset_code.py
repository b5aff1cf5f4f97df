import json

from django.contrib.auth.tokens import default_token_generator
from django.core.management.base import BaseCommand, CommandError
from djoser import utils

from customers.models import Customer


class Command(BaseCommand):
    help = "Print {uid, token} of a password reset for USERNAME, as Djoser's reset e-mail carries them."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        try:
            customer = Customer.objects.get(username=options["username"])
        except Customer.DoesNotExist:
            raise CommandError("no customer %r" % options["username"])
        self.stdout.write(json.dumps({"uid": utils.encode_uid(customer.pk),
                                      "token": default_token_generator.make_token(customer)}))
