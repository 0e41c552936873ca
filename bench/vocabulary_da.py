"""Danish word lists for the synthetic help center's Danish translation (bench/translations.py).

Danish support prose as a Danish help center writes it, so the Danish index is stemmed (Snowball) on
real inflections: "refusion", "refusionen", "refusioner". Slots as in vocabulary.py: `{yours}` is the
article's topic as "din ordre", `{mine}` as "min ordre", `{bare}` the noun alone, `{verb}` the
infinitive ("annullere"), `{present}` the present tense ("annullerer"). Tuples keep the order fixed.
"""
from __future__ import annotations

# Each category of vocabulary.CATEGORIES (by slug): its Danish title and description.
CATEGORIES: dict[str, tuple[str, str]] = {
    "orders": ("Ordrer", "Afgive, ændre og annullere ordrer."),
    "shipping": ("Forsendelse og levering", "Leveringsmuligheder, leveringstider og sporing."),
    "returns": ("Returnering og ombytning", "Sende varer tilbage og bytte dem."),
    "refunds": ("Refusion", "Hvornår og hvordan du får dine penge tilbage."),
    "payments": ("Betaling", "Betalingsmetoder, afviste kort og reservationer."),
    "billing": ("Fakturaer og regninger", "Fakturaer, kvitteringer, moms og faktureringsadresser."),
    "account": ("Din konto", "Oprette, administrere og lukke din konto."),
    "security": ("Sikkerhed og svindel", "Sådan holder du din konto sikker og anmelder svindel."),
    "products": ("Produkter og størrelser", "Produktinformation, størrelser og lager."),
    "warranty": ("Garanti og reparation", "Garantidækning, reparationer og ombytning."),
    "gift-cards": ("Gavekort og rabatkoder", "Køb og indløsning af gavekort og koder."),
    "subscriptions": ("Abonnementer", "Faste leveringer, fornyelser og planer."),
    "loyalty": ("Fordelsprogram", "Point, niveauer og medlemsfordele."),
    "stores": ("Butikker og afhentning", "Vores butikker, klik og hent og service i butikken."),
    "delivery-problems": ("Problemer med levering", "Manglende, forsinkede, beskadigede eller forkerte leveringer."),
    "international": ("Internationale ordrer", "Told, afgifter og forsendelse til udlandet."),
    "business": ("Erhvervskunder", "Erhvervskonti, storordrer og tilbud."),
    "privacy": ("Privatliv og data", "Dine personoplysninger, cookies og nyhedsbreve."),
    "app": ("App og hjemmeside", "Sådan bruger du vores app og hjemmeside."),
    "contacting-support": ("Kontakt kundeservice", "Sådan når du os, og hvad du kan forvente."),
}
HOME_TITLE = "Hjælpecenter"
HOME_TEXT = "Hvordan kan vi hjælpe? Søg i hjælpecentret, eller vælg et emne."
CATEGORY_TEXT = "Se artiklerne nedenfor, eller brug søgningen."

# (bare noun, "min …", "din …", the tag it gets)
NOUNS: tuple[tuple[str, str, str, str], ...] = (
    ("ordre", "min ordre", "din ordre", "ordre"), ("gavekort", "mit gavekort", "dit gavekort", "gavekort"),
    ("pakke", "min pakke", "din pakke", "pakke"), ("adgangskode", "min adgangskode", "din adgangskode", "adgangskode"),
    ("refusion", "min refusion", "din refusion", "refusion"), ("faktura", "min faktura", "din faktura", "faktura"),
    ("konto", "min konto", "din konto", "konto"), ("returnering", "min returnering", "din returnering", "returnering"),
    ("betaling", "min betaling", "din betaling", "betaling"),
    ("abonnement", "mit abonnement", "dit abonnement", "abonnement"),
    ("garanti", "min garanti", "din garanti", "garanti"),
    ("leveringsadresse", "min leveringsadresse", "din leveringsadresse", "adresse"),
    ("kreditkort", "mit kreditkort", "dit kreditkort", "kort"), ("rabatkode", "min rabatkode", "din rabatkode", "rabat"),
    ("point", "mine point", "dine point", "point"), ("reparation", "min reparation", "din reparation", "reparation"),
    ("kvittering", "min kvittering", "din kvittering", "kvittering"),
    ("ombytning", "min ombytning", "din ombytning", "ombytning"),
    ("nyhedsbrev", "mit nyhedsbrev", "dit nyhedsbrev", "nyhedsbrev"), ("profil", "min profil", "din profil", "profil"),
    ("sporingsnummer", "mit sporingsnummer", "dit sporingsnummer", "sporing"),
    ("reklamation", "min reklamation", "din reklamation", "reklamation"),
    ("personoplysninger", "mine personoplysninger", "dine personoplysninger", "data"),
    ("ønskeliste", "min ønskeliste", "din ønskeliste", "oenskeliste"),
    ("erhvervskonto", "min erhvervskonto", "din erhvervskonto", "erhverv"),
)
# (infinitive, present tense)
VERBS: tuple[tuple[str, str], ...] = (
    ("annullere", "annullerer"), ("ændre", "ændrer"), ("finde", "finder"), ("spore", "sporer"),
    ("opdatere", "opdaterer"), ("slette", "sletter"), ("bruge", "bruger"), ("downloade", "downloader"),
    ("aktivere", "aktiverer"), ("tjekke", "tjekker"), ("indløse", "indløser"), ("nulstille", "nulstiller"),
)
TITLES: dict[str, tuple[str, ...]] = {
    "faq": ("Hvordan {present} jeg {mine}{qualifier}?", "Kan jeg {verb} {mine}{qualifier}?",
            "Hvorfor kan jeg ikke {verb} {mine}{qualifier}?", "Hvor lang tid tager det at {verb} {mine}{qualifier}?",
            "Hvor kan jeg {verb} {mine}{qualifier}?"),
    "policy": ("Regler for {bare}{qualifier}", "Betingelser for {bare}{qualifier}", "Vores politik for {bare}{qualifier}"),
    "guide": ("Sådan {present} du {yours}{qualifier}", "Guide til {yours}{qualifier}",
              "Kom godt i gang med {yours}{qualifier}"),
}
QUALIFIERS: tuple[str, ...] = (
    "", "", "", "", " i appen", " som gæst", " med en erhvervskonto", " efter købet", " uden for EU",
    " i en butik", " under udsalget", " på en gaveordre", " for en anden", " uden en konto",
)
DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "faq": ("Se, hvordan du {present} {yours}, og hvad du kan forvente bagefter.",
            "Et kort svar om {yours} med de frister, der gælder."),
    "policy": ("De regler, der gælder for {bare}, herunder frister og undtagelser.",
               "Hvad vi lover om {bare}, og hvad vi beder dig om."),
    "guide": ("En trin-for-trin-guide til {yours} for nye og faste kunder.",
              "Alt, hvad du skal vide for at {verb} {yours} uden at kontakte os."),
}
SLOT_VALUES: dict[str, tuple[str, ...]] = {
    "n": ("2", "3", "5", "7", "10", "14"),
    "hours": ("24", "48", "72"),
    "days": ("14", "30", "60", "100"),
    "country": ("Danmark", "Tyskland", "Frankrig", "Storbritannien", "Norge", "Sverige", "Spanien", "Holland",
                "USA", "Canada", "Japan", "Australien"),
    "menu": ("Ordrer", "Kontoindstillinger", "Returneringer", "Betalingsmetoder", "Adresser", "Abonnementer",
             "Beskeder", "Fordele"),
    "carrier": ("DHL", "UPS", "PostNord", "GLS", "DPD", "FedEx"),
    "payment": ("Visa", "Mastercard", "MobilePay", "PayPal", "Apple Pay", "Klarna", "bankoverførsel"),
    "channel": ("e-mail", "chat", "telefon"),
}
SENTENCES: tuple[str, ...] = (
    "Du kan {verb} {yours} fra siden {menu} på din konto.",
    "De fleste henvendelser om {yours} bliver behandlet i løbet af få hverdage.",
    "Når vi har behandlet din anmodning, sender vi en bekræftelse på e-mail med alle detaljer.",
    "Bemærk, at {yours} ikke kan ændres, når pakken er overdraget til {carrier}.",
    "Kunder i {country} skal regne med et par ekstra dage til levering.",
    "Gem din kvittering eller ordrebekræftelse, fordi vi kan bede om den, når du kontakter os.",
    "Log ind på din konto, åbn {menu}, og vælg det, du vil administrere.",
    "Vi tager imod {payment}, {payment} og de fleste betalingskort.",
    "Refusioner sendes altid til den betalingsmetode, du brugte ved købet.",
    "Af sikkerhedsgrunde beder vi aldrig om din adgangskode på e-mail, i chatten eller i telefonen.",
    "{Yours} er knyttet til den e-mailadresse, du brugte ved købet.",
    "Hvis du handlede som gæst, kan du stadig {verb} {yours} via linket i din ordrebekræftelse.",
    "Ændringer af {yours} gemmes med det samme og gælder for fremtidige ordrer.",
    "Under udsalg og på helligdage kan behandlingstiden være længere end normalt.",
    "Vores team gennemgår hver anmodning manuelt, så der kan gå lidt tid, før du hører fra os.",
    "Du finder den aktuelle status for {yours} under {menu}.",
    "Vi kan ikke {verb} {yours} for dig uden en bekræftelse fra kontoens ejer.",
    "Varer købt i en butik kan returneres online eller i alle vores butikker i {country}.",
    "Erhvervskunder kan bede om en faktura med deres momsnummer.",
    "Sporingsoplysninger fra {carrier} kan tage op til {hours} timer om at dukke op.",
    "Hvis noget ser forkert ud med {yours}, så tag et billede og vedhæft det til din besked.",
    "En delvis refusion udbetales, når kun nogle af varerne i en ordre bliver returneret.",
    "Gavekort og rabatkoder kan ikke ombyttes til kontanter.",
    "Gratis returnering gælder for alle ordrer leveret i {country}.",
    "{Yours} og {yours2} administreres hver for sig, så en ændring af det ene ændrer ikke det andet.",
    "Vi anbefaler, at du {present} {yours} så tidligt som muligt for at undgå forsinkelser.",
    "Nogle varer, for eksempel personlige varer og hygiejneartikler, er undtaget.",
    "Du får en e-mail fra os, så snart {yours} er blevet opdateret.",
    "Hvis du betalte med {payment}, kan beløbet som regel ses på din kontoudskrift efter {n} hverdage.",
    "Vi kan bede dig bekræfte din identitet, før vi kan {verb} {yours}.",
    "Returfristen er {days} dage fra den dag, du modtog din ordre.",
    "Ordrer afgivet inden kl. 14 på en hverdag bliver som regel sendt samme dag.",
    "Ekspreslevering er mulig til de fleste adresser i {country}.",
    "Beskadigede varer skal anmeldes senest {n} dage efter levering.",
    "Hvis du bruger appen, så sørg for, at den er opdateret til den nyeste version.",
    "Du kan {verb} {yours} når som helst, før ordren bliver pakket.",
    "Fordelspoint bliver tilføjet din konto {n} dage efter levering.",
    "Told for ordrer sendt til {country} betales af modtageren.",
    "To-faktor-godkendelse giver din konto et ekstra lag beskyttelse.",
    "Vores garanti dækker fabrikationsfejl i to år fra købsdatoen.",
    "Abonnementer fornyes automatisk, medmindre du opsiger dem før fornyelsesdatoen.",
    "Dine personoplysninger opbevares i EU og sælges aldrig til tredjepart.",
    "Hvis {yours2} også er berørt, så nævn det i samme besked, så vi kan rette begge dele på én gang.",
    "Priserne vises i din lokale valuta, men din bank kan opkræve et lille vekselgebyr.",
)
STEPS: tuple[str, ...] = (
    "Log ind på din konto.", "Åbn siden {menu}.", "Vælg det, du vil {verb}.",
    "Vælg **{Verb}**, og følg vejledningen på skærmen.", "Kontrollér oplysningerne, og bekræft.",
    "Print returlabelen, og sæt den på pakken.", "Aflever pakken på et {carrier}-udleveringssted.",
    "Vent på bekræftelsen på e-mail.", "Indtast koden fra e-mailen.", "Gem dine ændringer.",
)
HEADINGS: tuple[str, ...] = (
    "Kort svar", "Hvor lang tid tager det?", "Hvad koster det?", "Undtagelser", "Før du starter", "Trin for trin",
    "Brug af appen", "Gode råd", "Fejlfinding", "Hvad sker der nu?", "Frister", "Gebyrer",
)
LINK_SENTENCE = "Se også [{title}]({href})."
CONTACT_SENTENCE = ("Hvis du stadig har brug for hjælp, så skriv til {{ support.channels.email.address }}, "
                    "så svarer vi inden for {{ support.channels.email.response }}.")
