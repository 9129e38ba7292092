namespace Marketplace.Bench;

/// <summary>A kind of product in Arabic, French and English, with its category, unit, price and labels.</summary>
internal sealed record Kind(string Ar, string Fr, string En, string Category, string Unit, decimal Price, string[] Labels);

/// <summary>A word that varies a name, in the three languages.</summary>
internal sealed record Word(string Ar, string Fr, string En);

/// <summary>The words of the benchmark's catalogue and of its searches: the region's products, places and qualities.</summary>
internal static class Vocabulary
{
    public static readonly Kind[] Kinds =
    [
        new("زيت أركان غذائي", "Huile d'argan alimentaire", "Culinary argan oil", "argan-culinary-oil", "250 ml", 120, ["IGP"]),
        new("زيت أركان محمص", "Huile d'argan torréfiée", "Roasted argan oil", "argan-culinary-oil", "500 ml", 220, ["IGP", "ORGANIC"]),
        new("زيت أركان تجميلي", "Huile d'argan cosmétique", "Cosmetic argan oil", "argan-cosmetic-oil", "100 ml", 130, ["ORGANIC"]),
        new("أملو باللوز", "Amlou aux amandes", "Almond amlou", "amlou-spreads", "250 g", 65, []),
        new("أملو بالكاوكاو", "Amlou aux cacahuètes", "Peanut amlou", "amlou-spreads", "250 g", 45, []),
        new("عسل الزعتر", "Miel de thym", "Thyme honey", "honey", "500 g", 200, []),
        new("عسل الدغموس", "Miel d'euphorbe", "Euphorbia honey", "honey", "250 g", 150, ["ORGANIC"]),
        new("عسل الخروب", "Miel de caroube", "Carob honey", "honey", "500 g", 140, []),
        new("عسل السدر", "Miel de jujubier", "Jujube honey", "honey", "500 g", 260, []),
        new("عسل زهر البرتقال", "Miel de fleur d'oranger", "Orange blossom honey", "honey", "500 g", 120, []),
        new("زعفران حر", "Safran pur", "Pure saffron", "saffron", "1 g", 40, ["AOP"]),
        new("زعفران تالوين", "Safran de Taliouine", "Taliouine saffron", "saffron", "5 g", 180, ["AOP"]),
        new("رأس الحانوت", "Ras el hanout", "Ras el hanout spice blend", "spices-herbs", "100 g", 35, []),
        new("كمون بلدي", "Cumin du terroir", "Local cumin", "spices-herbs", "200 g", 30, ["LABEL_AGRICOLE"]),
        new("زعتر بري", "Thym sauvage", "Wild thyme", "spices-herbs", "100 g", 25, []),
        new("تمر بوفقوس", "Dattes Boufeggous", "Boufeggous dates", "dates", "1 kg", 90, []),
        new("تمر الجيهل", "Dattes Jihel", "Jihel dates", "dates", "1 kg", 60, []),
        new("لوز بلدي", "Amandes beldi", "Beldi almonds", "nuts-dried-fruit", "500 g", 80, []),
        new("تين مجفف", "Figues séchées", "Dried figs", "nuts-dried-fruit", "500 g", 50, []),
        new("كسكس الشعير", "Couscous d'orge", "Barley couscous", "couscous-cereals", "1 kg", 35, []),
        new("كسكس القمح", "Couscous de blé", "Wheat couscous", "couscous-cereals", "1 kg", 30, []),
        new("زيت الزيتون البكر", "Huile d'olive vierge extra", "Extra virgin olive oil", "olive-oil", "1 L", 95, ["LABEL_AGRICOLE"]),
        new("صابون بلدي", "Savon noir beldi", "Black beldi soap", "soaps", "250 g", 30, []),
        new("صابون الأركان", "Savon à l'argan", "Argan soap", "soaps", "100 g", 25, []),
        new("غاسول طبيعي", "Ghassoul naturel", "Natural ghassoul clay", "clays-powders", "200 g", 30, []),
        new("حناء طبيعية", "Henné naturel", "Natural henna", "clays-powders", "100 g", 20, []),
        new("ماء الورد", "Eau de rose", "Rose water", "floral-waters", "250 ml", 40, []),
        new("زربية أمازيغية", "Tapis amazigh", "Amazigh rug", "carpets", "piece", 1800, []),
        new("حنبل صوفي", "Couverture hanbel en laine", "Wool hanbel blanket", "textiles", "piece", 650, []),
        new("طاجين فخار", "Tajine en terre cuite", "Clay tagine", "pottery", "piece", 150, []),
        new("خلخال فضي", "Bracelet en argent", "Silver bracelet", "silver-jewellery", "piece", 480, []),
        new("سلة الدوم", "Panier en doum", "Doum palm basket", "basketry", "piece", 90, []),
    ];

    public static readonly Word[] Qualities =
    [
        new("تقليدي", "traditionnel", "traditional"), new("عضوي", "bio", "organic"), new("جبلي", "de montagne", "mountain"),
        new("ممتاز", "extra", "premium"), new("حرفي", "artisanal", "handmade"), new("عائلي", "familial", "family"),
        new("طبيعي", "naturel", "natural"), new("بلدي", "du terroir", "local"),
    ];

    public static readonly Word[] Villages =
    [
        new("تالوين", "Taliouine", "Taliouine"), new("تافراوت", "Tafraout", "Tafraout"), new("أيت باها", "Aït Baha", "Ait Baha"),
        new("إيموزار", "Imouzzer", "Imouzzer"), new("تيزنيت", "Tiznit", "Tiznit"), new("تارودانت", "Taroudant", "Taroudant"),
        new("أقا", "Akka", "Akka"), new("ماسة", "Massa", "Massa"), new("إغرم", "Igherm", "Igherm"), new("بيوكرى", "Biougra", "Biougra"),
        new("أكلو", "Aglou", "Aglou"), new("تيسينت", "Tissint", "Tissint"),
    ];

    public static readonly Word[] CooperativeRoots =
    [
        new("تيفاوين", "Tifaouine", "Tifaouine"), new("تودرت", "Toudert", "Toudert"), new("تيويزي", "Tiwizi", "Tiwizi"),
        new("أمل", "Amal", "Amal"), new("تاركا", "Targa", "Targa"), new("أزغار", "Azaghar", "Azaghar"), new("تامونت", "Tamount", "Tamount"),
        new("إمي", "Imi", "Imi"), new("أسيف", "Assif", "Assif"), new("تيليلا", "Tilila", "Tilila"), new("أدرار", "Adrar", "Adrar"),
        new("تازيري", "Taziri", "Taziri"), new("إيمان", "Imane", "Imane"), new("النور", "Ennour", "Ennour"), new("الخير", "El Khir", "El Khir"),
    ];

    public static readonly string[] Provinces =
        ["agadir-ida-outanane", "inezgane-ait-melloul", "chtouka-ait-baha", "taroudant", "tiznit", "tata"];

    public static readonly string[] Labels = ["IGP", "AOP", "LABEL_AGRICOLE", "ORGANIC"];
}
