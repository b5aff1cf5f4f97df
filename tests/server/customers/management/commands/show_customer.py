import json

from django.core.management.base import BaseCommand, CommandError

from customers.models import Customer
from customers.serializers import CustomerSerializer


class Command(BaseCommand):
    help = "Print USERNAME's customer JSON, as the API would send it."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        try:
            customer = Customer.objects.get(username=options["username"])
        except Customer.DoesNotExist:
            raise CommandError("no customer %r" % options["username"])
        self.stdout.write(json.dumps(CustomerSerializer(customer).data, sort_keys=True))
