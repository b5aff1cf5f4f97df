from django.contrib.auth.tokens import default_token_generator
from djoser import utils

from customers.management.customercommand import CustomerCommand


class Command(CustomerCommand):
    help = "Print {uid, token} of a password reset for USERNAME, as Djoser's reset e-mail carries them."

    def describe(self, customer):
        return {"uid": utils.encode_uid(customer.pk),
                "token": default_token_generator.make_token(customer)}
