"""Creates many plain customers with varied names, quickly, for the staff list and search.

The customers form one fixed sequence per seed: customer i is the same whatever N is, so
`seed_customers N` makes sure the first N of the sequence exist. Running it again with the same or a
smaller N adds nothing; a larger N adds the rest; another --seed adds another crowd. A username that
is taken already (by an earlier run or by anyone else) is skipped, never changed.
"""
import random
import time
import unicodedata
from datetime import date, datetime, timedelta, timezone

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from customers.models import Customer

from .seed_demo import CUSTOMER_PASSWORD

# Many origins, a few accents and letters that do not decompose (Ø, Ł, ß), so the client's search and
# display meet real-world names.
FIRST_NAMES = """
Aaliyah Aarav Abdul Abigail Ada Adam Adebayo Adriana Agnieszka Ahmed Aiko Aisha Akira Alejandro
Aleksandra Alexander Ali Alice Alina Amara Amelia Amir Ana Anders Andrea Andrés Ángel Anika Anna
Antoine Anton Arjun Astrid Aylin Ayumi Barbara Beatriz Benjamin Bich Björn Bogdan Brigitte Bruno
Camille Carlos Carmen Catalina Charlotte Chen Chidi Chioma Chloé Christian Clara Connor Dagny Daniel
Daniela David Deepika Diego Dmitri Dominik Elena Elif Elijah Elisabeth Emeka Emil Emily Emma Eun-ji
Ewa Fatima Fatoumata Felipe Felix Fernando Finn Florian François Freya Gabriel Gabriela Giulia
Giuseppe Grace Grzegorz Gustav Hana Hannah Hans Haruto Hassan Helga Henrik Hiroshi Hugo Ibrahim Ida
Ifeoma Ines Ingrid Isabella Isaac Ivan Jacob Jakub Jamal James Jana Jasmine Javier Jelena Jiho Jin
Joanna João Jonas José Juan Julia Kai Kamala Karim Katarzyna Kateřina Kenji Kofi Kwame Lars Laura
Layla Leila Lena Leo Liam Lina Linh Lucas Lucía Luis Łukasz Maciej Magnus Mai Malik Małgorzata Manon
Marco María Mariam Marek Marie Marta Mateo Matteo Maximilian Mehmet Mei Mia Miguel Mikael Ming
Mohammed Nadia Naomi Nikolai Niamh Noah Noor Nuno Olga Oliver Olivia Oluwaseun Omar Oscar Paolo
Patricia Pedro Pierre Priya Rafael Rahul Ravi Renée Ricardo Rosa Ruth Sakura Samuel Santiago Sara
Sebastian Seo-yeon Siobhán Sofía Søren Stefan Sven Tanvir Thabo Thomas Tomás Valentina Wei Xin Yara
Yuki Yusuf Zainab Zanele Zoltán Zoë
""".split()

LAST_NAMES = """
Abe Acheampong Adeyemi Agarwal Aguilar Ahmed Alexander Ali Allen Almeida Alvarez Andersen Anderson
Andrade Arrowsmith Bailey Baker Banerjee Barbosa Bauer Becker Bianchi Bjørnstad Blanco Bondarenko
Brown Brandt Bui Campbell Carvalho Castillo Castro Chatterjee Chen Cho Choi Clarke Colombo Costa
Cruz Cunningham Dahl Das Davies Davis Delgado Demir Diallo Díaz Dimitrov Dlamini Do Dubois Dumont
Dvořák Eriksson Evans Fernandes Fernández Ferrari Fischer Fitzgerald Fontaine Fujita Gallagher
García Goldsmith Gomes Gómez González Gonzalez-Smith Green Gruber Gupta Gutiérrez Hahn Hall Hamid
Hansen Harris Hartmann Hashemi Hayashi Hernández Herrera Hoang Hoffmann Horvat Horváth Hughes Huang
Hussain Ibrahim Inoue Ivanov Ivanova Iyer Jackson Jansen Jensen Jiménez Johansson Johnson Jones
Joshi Jovanović Kaczmarek Kang Kapoor Karlsson Kato Kaya Keller Kelly Khan Kim Kimura Klein Koch
Kowalczyk Kowalski Kozlov Krämer Kumar Kuznetsov Larsen Laurent Lee Lefebvre Lehmann Leone Lewis Li
Lim Lin Lindqvist Liu Lombardi Lopez López Łukasiewicz Ma Mahlangu Maier Malik Mancini Marín
Martin Martínez Mazur Mehta Mendes Mensah Meyer Miller Mishra Mitchell Moreau Moreno Morris Müller
Murphy Nakamura Nascimento Navarro Ndlovu Nel Neumann Ng Nguyen Nielsen Nikolić Novák Nowak Núñez
O'Brien O'Connor Oduya Ogunleye Okafor Okonkwo Oliveira Olsen Ortiz Osei Owusu Özdemir Ørsted Park
Patel Pereira Perez Petersen Petrov Petrović Pham Phillips Popescu Popov Ramírez Rao Reddy Reid
Reyes Ricci Richter Rivera Robinson Rodrigues Rodríguez Romano Romero Rossi Roux Russo Ryan Saito
Sánchez Santos Sato Schäfer Schmid Schmidt Schneider Schröder Schulz Scott Sharma Shevchenko Silva
Simon Singh Smith Smith-Jones Smithson Sokolov Suárez Suzuki Svensson Szabó Takahashi Tanaka Taylor
Thomas Thompson Torres Tran Traoré Tshabalala Turner Vargas Vasquez Virtanen Vogel Vu Wagner Walker
Walsh Wang Watanabe Weber Williams Wilson Wiśniewski Wójcik Wolf Wong Wright Wu Yamamoto Yang Yılmaz
Young Yusuf Zając Zhang Zhao Zhou Zimmermann Bergström Castellanos Dąbrowski Eze Grünewald Halvorsen
Ishikawa Jaramillo Kiplagat Løvland Mukherjee Quispe Rahman Tkachenko Ueda Valdez Xu Zuberi
""".split() + ["van der Berg", "de la Cruz", "Al-Farsi", "Ben-David", "Lloyd-Williams", "Taylor-Smith"]

DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com", "post.example.org")
JOIN_YEARS = 8  # date_joined spreads over this many years before today

# Letters NFKD does not split into a base letter and an accent.
_FOLD = str.maketrans({"Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss",
                       "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th", "ı": "i"})


def ascii_slug(name):
    """"Zoë" -> "zoe", "Ørsted" -> "orsted", "O'Brien" -> "obrien", "van der Berg" -> "vanderberg"."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD)).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum() or c == "-")


def customer_sequence(seed, today):
    """Yields the seed's customers as field dicts, endlessly; the i-th never depends on how many follow."""
    rng = random.Random(seed)
    first_slugs = {name: ascii_slug(name) for name in FIRST_NAMES}
    last_slugs = {name: ascii_slug(name) for name in LAST_NAMES}
    joined_until = datetime(today.year, today.month, today.day, tzinfo=timezone.utc)
    join_span = JOIN_YEARS * 365 * 86400
    taken = set()
    while True:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        number = rng.randrange(1, 1000)
        username = "%s.%s%d" % (first_slugs[first], last_slugs[last], number)
        # Every customer makes the same draws, so the sequence is the same whatever N is.
        style, domain = rng.randrange(4), rng.choice(DOMAINS)
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(67 * 365))  # 1940 .. 2006
        no_birth_date = rng.random() < 0.12
        joined = joined_until - timedelta(seconds=rng.randrange(join_span),
                                          microseconds=rng.randrange(1000000))
        if username in taken:  # a rare repeat of name and number: this draw yields no customer
            continue
        taken.add(username)
        local = (username if style < 2 else
                 "%s%s" % (first_slugs[first][:1], last_slugs[last]) if style == 2 else
                 "%s_%s%d" % (first_slugs[first], last_slugs[last], number % 100))
        yield dict(username=username, email="%s@%s" % (local, domain), first_name=first,
                   last_name=last, birth_date=None if no_birth_date else born, date_joined=joined)


class Command(BaseCommand):
    help = ("Create up to N plain (non-staff) customers with varied names, password %r. The customers "
            "are a fixed sequence per --seed: the command makes sure the first N of it exist, so a "
            "rerun with the same N adds nothing and a larger N adds the rest. Usernames "
            "(first.last123) that are taken already are skipped. Join dates spread over the %d years "
            "before today." % (CUSTOMER_PASSWORD, JOIN_YEARS))

    BATCH = 5000  # model instances held at a time; Django splits each into SQLite-sized INSERTs

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, metavar="N")
        parser.add_argument("--seed", type=int, default=1, help="which crowd (default 1)")

    def handle(self, *args, count, seed, **options):
        if count < 0:
            raise CommandError("N must be 0 or more")
        started = time.monotonic()
        existing = set(Customer.objects.values_list("username", flat=True))
        # Hashing once keeps seeding fast: 100,000 hashes would take over a minute even with the
        # cheap hasher.
        password = make_password(CUSTOMER_PASSWORD)
        created = 0
        sequence = customer_sequence(seed, datetime.now(timezone.utc).date())
        with transaction.atomic():  # one transaction: SQLite commits once, not per batch
            batch = []
            for _ in range(count):
                fields = next(sequence)
                if fields["username"] in existing:
                    continue
                batch.append(Customer(password=password, **fields))
                if len(batch) == self.BATCH:
                    created += len(Customer.objects.bulk_create(batch, batch_size=self.BATCH))
                    batch = []
            created += len(Customer.objects.bulk_create(batch, batch_size=self.BATCH))
        self.stdout.write("Created %d customers in %.1f s (%d of the first %d existed already)"
                          % (created, time.monotonic() - started, count - created, count))
