"""Creates the documented demo accounts; running it again resets them to these values."""
from datetime import date

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand

from customers.models import Customer

DEMO_ACCOUNTS = [
    dict(username="alice", password="alice-password-1", email="alice@example.com",
         first_name="Alice", last_name="Anderson", birth_date=date(1990, 4, 12)),
    dict(username="support", password="support-password-1", email="support@example.com",
         first_name="Sam", last_name="Support", is_staff=True),
]

# (first, last): some last names repeat so a search finds several; two names test plain-text display.
CUSTOMER_NAMES = [
    ("Bob", "Baker"), ("Carol", "Chen"), ("Dave", "Davis"), ("Erin", "Evans"), ("Frank", "Fischer"),
    ("Grace", "Garcia"), ("Heidi", "Hansen"), ("Ivan", "Ivanov"), ("Judy", "Jones"), ("Ken", "Kato"),
    ("Laura", "Lopez"), ("Mike", "Miller"), ("Nina", "Nowak"), ("Oscar", "Olsen"), ("Peggy", "Patel"),
    ("Quinn", "Quinn"), ("Rita", "Rossi"), ("Steve", "Smith"), ("Tina", "Smith"), ("Uma", "Smith"),
    ("Victor", "Vargas"), ("Wendy", "Wang"), ("Xavier", "Xu"), ("Yara", "Young"), ("Zack", "Zimmer"),
    ("Anna", "Miller"), ("Ben", "Jones"), ("Chloé", "Dubois"), ("Zoë", "Ørsted"),
    ("<b>Mallory</b>", "O'Brien & <i>Co</i>"),
]
CUSTOMER_PASSWORD = "customer-password-1"


def customer_accounts():
    for number, (first, last) in enumerate(CUSTOMER_NAMES, start=1):
        username = "customer%02d" % number
        yield dict(username=username, email="%s@example.org" % username,
                   first_name=first, last_name=last, birth_date=date(1970 + number, number % 12 + 1, number))


class Command(BaseCommand):
    help = "Create (or reset) the demo accounts: alice, support and %d plain customers." % len(CUSTOMER_NAMES)

    def handle(self, *args, **options):
        for account in DEMO_ACCOUNTS:
            self.save(dict(account))
        shared_hash = make_password(CUSTOMER_PASSWORD)  # hashing once keeps seeding fast
        for account in customer_accounts():
            self.save(account, shared_hash)
        self.stdout.write("Demo accounts ready: alice, support, customer01..customer%02d"
                          % len(CUSTOMER_NAMES))

    @staticmethod
    def save(account, password_hash=None):
        password = account.pop("password", None)
        defaults = {"first_name": "", "last_name": "", "birth_date": None, "is_staff": False,
                    "is_active": True, **account}
        customer, _ = Customer.objects.update_or_create(username=account["username"], defaults=defaults)
        customer.password = password_hash or make_password(password)
        customer.save(update_fields=["password"])
