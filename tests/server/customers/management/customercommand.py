"""The shape of the management commands that print something about one customer as JSON."""
import json

from django.core.management.base import BaseCommand, CommandError

from customers.models import Customer


class CustomerCommand(BaseCommand):
    """Takes USERNAME, fails clearly for an unknown one, and prints describe(customer) as JSON."""

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        try:
            customer = Customer.objects.get(username=options["username"])
        except Customer.DoesNotExist:
            raise CommandError("no customer %r" % options["username"])
        self.stdout.write(json.dumps(self.describe(customer), sort_keys=True))

    def describe(self, customer):
        raise NotImplementedError
