from django.core.management.base import BaseCommand
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Print yes if a DRF token with KEY exists, else no."

    def add_arguments(self, parser):
        parser.add_argument("key")

    def handle(self, *args, **options):
        self.stdout.write("yes" if Token.objects.filter(key=options["key"]).exists() else "no")
