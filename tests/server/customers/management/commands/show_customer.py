from customers.management.customercommand import CustomerCommand
from customers.serializers import CustomerSerializer


class Command(CustomerCommand):
    help = "Print USERNAME's customer JSON, as the API would send it."

    def describe(self, customer):
        return CustomerSerializer(customer).data
