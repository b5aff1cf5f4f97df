from customers.management.customercommand import CustomerCommand
from customers.serializers import CustomerChangeSerializer


class Command(CustomerCommand):
    help = "Print USERNAME's staff edit history as the API sends it (newest first)."

    def describe(self, customer):
        return CustomerChangeSerializer(customer.changes.select_related("by"), many=True).data
