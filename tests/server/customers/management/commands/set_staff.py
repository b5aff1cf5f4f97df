from django.core.management.base import BaseCommand, CommandError

from customers.models import Customer


class Command(BaseCommand):
    help = "Make USERNAME support staff (yes) or take staff access away (no)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("staff", choices=("yes", "no"))

    def handle(self, *args, **options):
        updated = Customer.objects.filter(username=options["username"]).update(
            is_staff=options["staff"] == "yes")
        if not updated:
            raise CommandError("no customer %r" % options["username"])
        self.stdout.write("staff %s" % options["staff"])
