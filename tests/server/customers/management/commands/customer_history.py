import json

from django.core.management.base import BaseCommand, CommandError

from customers.models import Customer
from customers.serializers import CustomerChangeSerializer


class Command(BaseCommand):
    help = "Print USERNAME's staff edit history as the API sends it (newest first)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        try:
            customer = Customer.objects.get(username=options["username"])
        except Customer.DoesNotExist:
            raise CommandError("no customer %r" % options["username"])
        data = CustomerChangeSerializer(customer.changes.select_related("by"), many=True).data
        self.stdout.write(json.dumps(data))
