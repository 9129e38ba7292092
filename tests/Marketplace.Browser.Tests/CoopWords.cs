namespace Marketplace.Browser.Tests;

/// <summary>What the cooperative space shows, in the language a test reads it in.</summary>
public sealed record CoopWords(string Lang, string Dashboard, string Orders, string New, string Accepted, string Delivered, string Accept,
    string AcceptedNotice, string ToShip, string OnTheWay, string DeliveredTab, string Carrier, string Tracking, string Ship, string Cash,
    string Deliver, string CashOnDelivery, string CollectedFormat, string Currency, string Balance, string CashCommission, string OwedAccount,
    string DownloadStatement)
{
    public static CoopWords Of(string lang) => lang == "ar" ? Arabic : French;

    public static readonly CoopWords Arabic = new("ar", "لوحة القيادة", "الطلبيات", "جديدة", "مقبولة", "تم تسليمها", "قبول الطلبية",
        "جهزها ثم أرسلها", "في انتظار الإرسال", "في الطريق", "تم تسليمها", "شركة النقل", "رقم التتبع", "تأكيد الإرسال",
        "المبلغ المحصل (بالدرهم)", "تأكيد التسليم", "الأداء عند التسليم", "المبلغ المحصل: {0}", "د.م.", "الرصيد والكشوفات",
        "عمولة بيع مؤدى عند التسليم", "عمولة مستحقة", "تحميل الكشف (CSV)");

    public static readonly CoopWords French = new("fr", "Tableau de bord", "Commandes", "Nouvelle", "Acceptée", "Livrée", "Accepter la commande",
        "préparez-la puis expédiez-la", "À expédier", "En livraison", "Livrées", "Transporteur", "Numéro de suivi", "Marquer comme expédiée",
        "Argent encaissé (dirhams)", "Marquer comme livrée", "Paiement à la livraison", "Argent encaissé : {0}", "MAD", "Solde et relevés",
        "Commission d'une vente payée à la livraison", "Commission due", "Télécharger le relevé (CSV)");

    /// <summary>An amount as the pages write it: "385,00 د.م." in Arabic, "385,00 MAD" in French (no thousands here).</summary>
    public string Money(string number) => $"{number} {Currency}";

    public string Collected(string money) => string.Format(CollectedFormat, money);
}
