"""One line in a resident's main language on each letter: how to get an interpreter.

Only languages whose script the print pack's local fonts (DejaVu) can show are listed; for any
other language the letter carries the English line, which asks them to tell us their language.
Adding a language is one entry, keyed by its BCP 47 code (the stored interpreter language).
These lines should be checked by a qualified translator before a real mailing.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import catalogue
from core.languages import code_of

ENGLISH = gettext_noop("If you need an interpreter, call us on %(phone)s and tell us your language. It is free.")

LINES = {
    "pl": "Jeśli potrzebujesz tłumacza, zadzwoń do nas pod numer {phone} i podaj swój język. Tłumacz jest bezpłatny.",
    "ro": "Dacă aveți nevoie de un interpret, sunați-ne la {phone} și spuneți-ne limba dumneavoastră. Interpretul este gratuit.",
    "pt": "Se precisar de um intérprete, ligue-nos para o {phone} e diga-nos a sua língua. O intérprete é gratuito.",
    "es": "Si necesita un intérprete, llámenos al {phone} y díganos su idioma. El intérprete es gratuito.",
    "fr": "Si vous avez besoin d'un interprète, appelez-nous au {phone} et indiquez-nous votre langue. L'interprète est gratuit.",
    "it": "Se ha bisogno di un interprete, ci chiami al {phone} e ci dica la sua lingua. L'interprete è gratuito.",
    "lt": "Jei jums reikia vertėjo, skambinkite mums {phone} ir nurodykite savo kalbą. Vertėjas nemokamas.",
    "tr": "Tercümana ihtiyacınız varsa, bizi {phone} numarasından arayın ve dilinizi söyleyin. Tercüman ücretsizdir.",
    "sq": "Nëse keni nevojë për përkthyes, na telefononi në {phone} dhe na tregoni gjuhën tuaj. Përkthyesi është falas.",
    "so": "Haddii aad u baahan tahay turjubaan, nagala soo xiriir {phone} oo noo sheeg luqaddaada. Turjubaanku waa bilaash.",
    "ru": "Если вам нужен переводчик, позвоните нам по номеру {phone} и назовите свой язык. Переводчик бесплатный.",
    "uk": "Якщо вам потрібен перекладач, зателефонуйте нам за номером {phone} і назвіть свою мову. Перекладач безкоштовний.",
    "ar": "إذا كنت بحاجة إلى مترجم، اتصل بنا على الرقم {phone} وأخبرنا بلغتك. المترجم مجاني.",
    "ur": "اگر آپ کو ترجمان کی ضرورت ہے تو ہمیں {phone} پر کال کریں اور اپنی زبان بتائیں۔ ترجمان مفت ہے۔",
    "fa": "اگر به مترجم نیاز دارید، با شماره {phone} با ما تماس بگیرید و زبان خود را بگویید. مترجم رایگان است.",
    "cy": "Os oes angen cyfieithydd arnoch, ffoniwch ni ar {phone} a dywedwch wrthym pa iaith. Mae'r cyfieithydd am ddim.",
}
RIGHT_TO_LEFT = {"ar", "ur", "fa"}


def interpreter_line(language, phone):
    """(BCP 47 code, text, direction) of the interpreter line for a stored language code such as "pl".

    A language whose interface catalogue is complete (core.catalogue) says it through that
    catalogue, reviewed with the rest of the resident's pages; the others use the lines above."""
    code = code_of(language or "") or ""
    if code and catalogue.is_complete(code):
        with translation.override(code):
            return code, _(ENGLISH) % {"phone": phone}, "rtl" if code in RIGHT_TO_LEFT else "ltr"
    if code in LINES:
        return code, LINES[code].format(phone=phone), "rtl" if code in RIGHT_TO_LEFT else "ltr"
    with translation.override("en"):  # English, whatever the letter's language (it is marked "en")
        return "en", _(ENGLISH) % {"phone": phone}, "ltr"


def differs(language, other):
    """Whether two BCP 47 codes name different languages ("en" and "en-gb" do not)."""
    return language.split("-")[0].lower() != other.split("-")[0].lower()
