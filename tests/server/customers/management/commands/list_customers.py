import json

from django.core.management.base import BaseCommand

from customers.models import Customer
from customers.views import CustomerListView


class Command(BaseCommand):
    help = ("Print, as a JSON list, the ids of the customers that GET /api/customers/ lists for "
            "SEARCH and ORDERING, from the database itself (what the client's rows must match).")

    def add_arguments(self, parser):
        parser.add_argument("--search", default="")
        parser.add_argument("--ordering", default="id")

    def handle(self, *args, **options):
        queryset = Customer.objects.all()
        term = options["search"]
        if term:
            # The same fields and matching as the view's SearchFilter: every word must match one.
            from django.db.models import Q
            for word in term.split():
                condition = Q()
                for field in CustomerListView.search_fields:
                    condition |= Q(**{field + "__icontains": word})
                queryset = queryset.filter(condition)
        queryset = queryset.order_by(*options["ordering"].split(","))
        self.stdout.write(json.dumps(list(queryset.values_list("id", flat=True))))
