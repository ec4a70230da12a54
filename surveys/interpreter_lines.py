"""One line in a resident's main language on each letter: how to get an interpreter.

Only languages whose script the print pack's local fonts (DejaVu) can show are listed; for any
other language the letter carries the English line, which asks them to tell us their language.
Adding a language is one entry, with its BCP 47 code so screen readers and the PDF know it.
These lines should be checked by a qualified translator before a real mailing.
"""

from django.utils.translation import gettext as _

LINES = {
    "polish": (
        "pl",
        "Jeśli potrzebujesz tłumacza, zadzwoń do nas pod numer {phone} i podaj swój język. Tłumacz jest bezpłatny.",
    ),
    "romanian": (
        "ro",
        "Dacă aveți nevoie de un interpret, sunați-ne la {phone} și spuneți-ne limba dumneavoastră. Interpretul este gratuit.",
    ),
    "portuguese": (
        "pt",
        "Se precisar de um intérprete, ligue-nos para o {phone} e diga-nos a sua língua. O intérprete é gratuito.",
    ),
    "spanish": ("es", "Si necesita un intérprete, llámenos al {phone} y díganos su idioma. El intérprete es gratuito."),
    "french": (
        "fr",
        "Si vous avez besoin d'un interprète, appelez-nous au {phone} et indiquez-nous votre langue. L'interprète est gratuit.",
    ),
    "italian": (
        "it",
        "Se ha bisogno di un interprete, ci chiami al {phone} e ci dica la sua lingua. L'interprete è gratuito.",
    ),
    "lithuanian": (
        "lt",
        "Jei jums reikia vertėjo, skambinkite mums {phone} ir nurodykite savo kalbą. Vertėjas nemokamas.",
    ),
    "turkish": (
        "tr",
        "Tercümana ihtiyacınız varsa, bizi {phone} numarasından arayın ve dilinizi söyleyin. Tercüman ücretsizdir.",
    ),
    "albanian": (
        "sq",
        "Nëse keni nevojë për përkthyes, na telefononi në {phone} dhe na tregoni gjuhën tuaj. Përkthyesi është falas.",
    ),
    "somali": (
        "so",
        "Haddii aad u baahan tahay turjubaan, nagala soo xiriir {phone} oo noo sheeg luqaddaada. Turjubaanku waa bilaash.",
    ),
    "russian": (
        "ru",
        "Если вам нужен переводчик, позвоните нам по номеру {phone} и назовите свой язык. Переводчик бесплатный.",
    ),
    "ukrainian": (
        "uk",
        "Якщо вам потрібен перекладач, зателефонуйте нам за номером {phone} і назвіть свою мову. Перекладач безкоштовний.",
    ),
    "arabic": ("ar", "إذا كنت بحاجة إلى مترجم، اتصل بنا على الرقم {phone} وأخبرنا بلغتك. المترجم مجاني."),
    "urdu": ("ur", "اگر آپ کو ترجمان کی ضرورت ہے تو ہمیں {phone} پر کال کریں اور اپنی زبان بتائیں۔ ترجمان مفت ہے۔"),
    "farsi": (
        "fa",
        "اگر به مترجم نیاز دارید، با شماره {phone} با ما تماس بگیرید و زبان خود را بگویید. مترجم رایگان است.",
    ),
    "welsh": (
        "cy",
        "Os oes angen cyfieithydd arnoch, ffoniwch ni ar {phone} a dywedwch wrthym pa iaith. Mae'r cyfieithydd am ddim.",
    ),
}
RIGHT_TO_LEFT = {"ar", "ur", "fa"}


def interpreter_line(language, phone):
    """(BCP 47 code, text, direction) of the interpreter line for a language name such as 'Polish'."""
    found = LINES.get((language or "").strip().lower())
    if found is None:
        text = _("If you need an interpreter, call us on %(phone)s and tell us your language. It is free.")
        return "en", text % {"phone": phone}, "ltr"
    code, text = found
    return code, text.format(phone=phone), "rtl" if code in RIGHT_TO_LEFT else "ltr"
