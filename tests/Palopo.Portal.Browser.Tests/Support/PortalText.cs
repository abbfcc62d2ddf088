namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>
/// The interface words the tests look for, in each language (copied from
/// src/Palopo.Portal.Web/Resources/SharedResource.tsv: a test that finds them proves the page is in that language).
/// </summary>
public sealed record PortalText(
    string Lang,
    string SwitchTo,
    string HomeTitle,
    string PrivacyTitle,
    string SignInTitle,
    string RegisterTitle,
    string ErrorSummaryTitle,
    string NotFoundTitle,
    string NavSignIn,
    string NavRegister,
    string FooterPrivacy,
    string RegisterSubmit)
{
    public static readonly PortalText Indonesian = new(
        Lang: "id",
        SwitchTo: "English",
        HomeTitle: "Layanan publik Kota Palopo, dari rumah",
        PrivacyTitle: "Kebijakan privasi",
        SignInTitle: "Masuk",
        RegisterTitle: "Buat akun warga",
        ErrorSummaryTitle: "Ada yang perlu diperbaiki",
        NotFoundTitle: "Halaman tidak ditemukan",
        NavSignIn: "Masuk",
        NavRegister: "Daftar",
        FooterPrivacy: "Kebijakan privasi",
        RegisterSubmit: "Daftar");

    public static readonly PortalText English = new(
        Lang: "en",
        SwitchTo: "Bahasa Indonesia",
        HomeTitle: "Palopo's public services, from home",
        PrivacyTitle: "Privacy notice",
        SignInTitle: "Sign in",
        RegisterTitle: "Create a citizen account",
        ErrorSummaryTitle: "There is a problem",
        NotFoundTitle: "Page not found",
        NavSignIn: "Sign in",
        NavRegister: "Register",
        FooterPrivacy: "Privacy notice",
        RegisterSubmit: "Register");

    public static PortalText For(string lang) => lang switch
    {
        "id" => Indonesian,
        "en" => English,
        _ => throw new ArgumentOutOfRangeException(nameof(lang), lang, "Expected id or en."),
    };

    /// <summary>The other language, the one the header's switch link leads to.</summary>
    public PortalText Other => Lang == "id" ? English : Indonesian;
}
