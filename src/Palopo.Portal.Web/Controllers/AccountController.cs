using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Email;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Web.Email;
using Palopo.Portal.Web.Framework;
using Palopo.Portal.Web.Models.Account;

namespace Palopo.Portal.Web.Controllers;

/// <summary>Registration, sign-in (with two-factor), sign-out, password reset and the account page.</summary>
[Route("akun")]
public sealed class AccountController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    CitizenRegistration registration,
    KelurahanDirectory kelurahan,
    INikProtector nikProtector,
    IEmailSender mail,
    PortalEmailComposer compose,
    PublicLinks links,
    IStringLocalizer<SharedResource> t,
    Infrastructure.Admin.SignInAudit signInAudit,
    Microsoft.Extensions.Options.IOptions<PrivacyOptions> privacy,
    Application.Staff.IUserSessions sessions,
    ILogger<AccountController> logger) : Controller
{
    // ---------- registration ----------

    [AllowAnonymous]
    [HttpGet("daftar")]
    public async Task<IActionResult> Register(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
            return RedirectToAction(nameof(Index));
        return View(new RegisterForm { KelurahanOptions = await kelurahan.ListAsync(ct) });
    }

    [AllowAnonymous]
    [HttpPost("daftar")]
    public async Task<IActionResult> Register(RegisterForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return await RedisplayAsync(form, ct);

        var command = new RegisterCitizen(
            form.FullName!, form.Email!, form.PhoneNumber!, Nik.Parse(form.Nik!), form.KelurahanCode!,
            form.Password!, privacy.Value.NoticeVersion, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var result = await registration.HandleAsync(command, ct);
        switch (result.Outcome)
        {
            case RegistrationOutcome.DuplicateIdentity:
                ModelState.AddModelError("", t["Register.CannotRegister"]);
                return await RedisplayAsync(form, ct);
            case RegistrationOutcome.PasswordRejected:
                foreach (var error in result.Errors)
                    ModelState.AddModelError(nameof(RegisterForm.Password), error.Description);
                return await RedisplayAsync(form, ct);
        }

        logger.LogInformation("Citizen account {UserId} registered", result.User!.Id);
        var sentTo = await SendConfirmationAsync(result.User, ct);
        TempData[TempKeys.MailFile] = sentTo is null ? null : Path.GetFileName(sentTo);
        return RedirectToAction(nameof(RegisterDone));
    }

    [AllowAnonymous]
    [HttpGet("daftar/terkirim")]
    public IActionResult RegisterDone() => View(model: TempData[TempKeys.MailFile] as string);

    [AllowAnonymous]
    [HttpGet("konfirmasi")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        var confirmed = user is not null && code is not null
            && TryDecode(code, out var token)
            && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (confirmed)
            logger.LogInformation("E-mail confirmed for account {UserId}", user!.Id);
        return View(confirmed);
    }

    [AllowAnonymous]
    [HttpGet("kirim-ulang-konfirmasi")]
    public IActionResult ResendConfirmation() => View(new EmailForm());

    [AllowAnonymous]
    [HttpPost("kirim-ulang-konfirmasi")]
    public async Task<IActionResult> ResendConfirmation(EmailForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return View(form);
        var user = await users.FindByEmailAsync(form.Email!);
        string? sentTo = null;
        if (user is { EmailConfirmed: false })
            sentTo = await SendConfirmationAsync(user, ct);
        // Same answer whether or not the account exists.
        TempData[TempKeys.MailFile] = sentTo is null ? null : Path.GetFileName(sentTo);
        return RedirectToAction(nameof(RegisterDone));
    }

    // ---------- sign-in ----------

    [AllowAnonymous]
    [HttpGet("masuk")]
    public IActionResult Login([FromQuery(Name = "kembali")] string? returnUrl) =>
        View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("masuk")]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
            return View(form);

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        var deactivated = user is { IsActive: false } ? user : null;
        if (deactivated is not null)
            user = null; // deactivated staff: the same answer as a wrong password
        if (user is null)
        {
            // Spend the same time as a real check, so response times do not reveal which e-mails have accounts.
            users.PasswordHasher.HashPassword(new PortalUser(), form.Password!);
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in succeeded for account {UserId}", user!.Id);
            var mustEnrol = StaffTwoFactorEnrolment.MustEnrol(user, await users.GetRolesAsync(user));
            await signInAudit.SucceededAsync(user, mustEnrol ? "password; two-factor enrolment required" : "password", HttpContext.RequestAborted);
            if (mustEnrol)
            {
                // Staff must use two-factor: this sign-in only opens the enrolment page (ADR 0007).
                logger.LogWarning("Staff account {UserId} signed in without two-factor: enrolment required", user.Id);
                return Redirect(StaffTwoFactorEnrolment.EnrolmentPath);
            }

            return LocalRedirectOrHome(form.ReturnUrl);
        }

        if (result.RequiresTwoFactor)
            return RedirectToAction(nameof(LoginWithTwoFactor), new { kembali = form.ReturnUrl });

        if (result.IsNotAllowed)
        {
            // Only reachable with the right password, so saying why does not reveal the account to a stranger.
            await signInAudit.FailedAsync(user, null, "e-mail not confirmed", HttpContext.RequestAborted);
            ModelState.AddModelError("", t["Login.EmailNotConfirmed"]);
            return View(form);
        }

        logger.LogWarning("Sign-in failed{LockedOut}", result.IsLockedOut ? " (account locked out)" : "");
        await signInAudit.FailedAsync(user ?? deactivated, form.Email,
            deactivated is not null ? "account deactivated" : user is null ? "unknown account" : result.IsLockedOut ? "locked out" : "wrong password",
            HttpContext.RequestAborted);
        // One message for unknown e-mail, wrong password and lockout: no account enumeration.
        ModelState.AddModelError("", t["Login.Failed"]);
        return View(new LoginForm { Email = form.Email, ReturnUrl = form.ReturnUrl });
    }

    [AllowAnonymous]
    [HttpGet("masuk/2fa")]
    public async Task<IActionResult> LoginWithTwoFactor([FromQuery(Name = "kembali")] string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToAction(nameof(Login));
        return View(new TwoFactorForm { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("masuk/2fa")]
    public async Task<IActionResult> LoginWithTwoFactor(TwoFactorForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToAction(nameof(Login));
        if (!ModelState.IsValid)
            return View(form);

        var code = form.Code!.Replace(" ", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("Two-factor sign-in succeeded for account {UserId}", user.Id);
            await signInAudit.SucceededAsync(user, "password + authenticator", HttpContext.RequestAborted);
            return LocalRedirectOrHome(form.ReturnUrl);
        }

        logger.LogWarning("Two-factor sign-in failed for account {UserId}", user.Id);
        await signInAudit.FailedAsync(user, null, result.IsLockedOut ? "locked out" : "wrong authenticator code", HttpContext.RequestAborted);
        ModelState.AddModelError(nameof(TwoFactorForm.Code), t[result.IsLockedOut ? "Login.Failed" : "TwoFactor.CodeWrong"]);
        return View(new TwoFactorForm { ReturnUrl = form.ReturnUrl });
    }

    [AllowAnonymous]
    [HttpGet("masuk/kode-pemulihan")]
    public async Task<IActionResult> LoginWithRecoveryCode([FromQuery(Name = "kembali")] string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToAction(nameof(Login));
        return View(new RecoveryCodeForm { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("masuk/kode-pemulihan")]
    public async Task<IActionResult> LoginWithRecoveryCode(RecoveryCodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToAction(nameof(Login));
        if (!ModelState.IsValid)
            return View(form);

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.RecoveryCode!.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            logger.LogInformation("Recovery-code sign-in for account {UserId}", user.Id);
            await signInAudit.SucceededAsync(user, "password + recovery code", HttpContext.RequestAborted);
            return LocalRedirectOrHome(form.ReturnUrl);
        }

        await signInAudit.FailedAsync(user, null, "wrong recovery code", HttpContext.RequestAborted);
        ModelState.AddModelError(nameof(RecoveryCodeForm.RecoveryCode), t["TwoFactor.RecoveryWrong"]);
        return View(new RecoveryCodeForm { ReturnUrl = form.ReturnUrl });
    }

    [AllowAnonymous]
    [HttpGet("keluar")]
    public IActionResult Logout() => View();

    // No antiforgery token (ADR 0018): the sign-out form is on every signed-in page, and making its
    // token cost two data-protection operations per page. A cross-site post cannot sign anyone out
    // (the Lax sign-in cookie is not sent with it), and SameOriginPost refuses one regardless.
    [AllowAnonymous]
    [HttpPost("keluar")]
    [ActionName(nameof(Logout))]
    [IgnoreAntiforgeryToken]
    [SameOriginPost]
    public async Task<IActionResult> LogoutPost()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var user = await users.GetUserAsync(User);
            if (user is not null)
                await signInAudit.SignedOutAsync(user, HttpContext.RequestAborted);
            // Revokes this session's row on the server: a copy of the cookie is refused from now on.
            await signIn.SignOutAsync();
        }

        TempData[TempKeys.Status] = t["Logout.Done"].Value;
        return RedirectToAction(nameof(HomeController.Index), "Home");
    }

    [AllowAnonymous]
    [HttpGet("ditolak")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    // ---------- forgotten password ----------

    [AllowAnonymous]
    [HttpGet("lupa-sandi")]
    public IActionResult ForgotPassword() => View(new EmailForm());

    [AllowAnonymous]
    [HttpPost("lupa-sandi")]
    public async Task<IActionResult> ForgotPassword(EmailForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return View(form);

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        string? sentTo = null;
        if (user is { EmailConfirmed: true, IsActive: true })
        {
            var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = links.Absolute(Url.Action(nameof(ResetPassword), new { code = token })!);
            sentTo = await mail.SendAsync(compose.ResetPassword(user.Email!, user.FullName, link), ct);
        }

        // The same page whether or not an account exists.
        TempData[TempKeys.MailFile] = sentTo is null ? null : Path.GetFileName(sentTo);
        return RedirectToAction(nameof(ForgotPasswordDone));
    }

    [AllowAnonymous]
    [HttpGet("lupa-sandi/terkirim")]
    public IActionResult ForgotPasswordDone() => View(model: TempData[TempKeys.MailFile] as string);

    [AllowAnonymous]
    [HttpGet("atur-ulang-sandi")]
    public IActionResult ResetPassword(string? code) =>
        code is null ? View("LinkInvalid") : View(new ResetPasswordForm { Code = code });

    [AllowAnonymous]
    [HttpPost("atur-ulang-sandi")]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (!ModelState.IsValid)
            return View(form);

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is not null && TryDecode(form.Code!, out var token))
        {
            var result = await users.ResetPasswordAsync(user, token, form.Password!);
            if (result.Succeeded)
            {
                logger.LogInformation("Password reset for account {UserId}", user.Id);
                await users.UpdateSecurityStampAsync(user);
                // Whoever knew the old password is signed out everywhere.
                await sessions.EndAllAsync(user.Id, HttpContext.RequestAborted);
                if (await users.IsLockedOutAsync(user))
                    await users.SetLockoutEndDateAsync(user, null);
                return RedirectToAction(nameof(ResetPasswordDone));
            }

            if (result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal) && e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                foreach (var error in result.Errors)
                    ModelState.AddModelError(nameof(ResetPasswordForm.Password), error.Description);
                return View(form);
            }
        }

        // Unknown e-mail and a wrong or expired link look the same.
        ModelState.AddModelError("", t["Account.ResetFailed"]);
        return View(form);
    }

    [AllowAnonymous]
    [HttpGet("atur-ulang-sandi/selesai")]
    public IActionResult ResetPasswordDone() => View();

    // ---------- account page ----------

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var options = await kelurahan.ListAsync(ct);
        return View(new AccountOverview(
            user.FullName,
            user.Email!,
            user.PhoneNumber,
            user.NikCipher is null ? null : nikProtector.Decrypt(user.NikCipher).Masked,
            options.FirstOrDefault(k => k.Code == user.KelurahanCode),
            user.TwoFactorEnabled,
            await users.CountRecoveryCodesAsync(user)));
    }

    [HttpGet("ubah-sandi")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("ubah-sandi")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!ModelState.IsValid)
            return View(new ChangePasswordForm());
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            var key = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? nameof(ChangePasswordForm.CurrentPassword)
                : nameof(ChangePasswordForm.NewPassword);
            foreach (var error in result.Errors)
                ModelState.AddModelError(key, key == nameof(ChangePasswordForm.CurrentPassword) ? t["Password.CurrentWrong"] : error.Description);
            return View(new ChangePasswordForm());
        }

        // Every other session ends on the server at once; this one is re-issued with the new security stamp.
        await sessions.EndOthersAsync(user.Id, DatabaseTicketStore.CurrentSessionKey(HttpContext), HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Password changed for account {UserId}", user.Id);
        TempData[TempKeys.Status] = t["Password.Changed"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("2fa/aktifkan")]
    public async Task<IActionResult> EnableAuthenticator()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        return View(await BuildAuthenticatorFormAsync(user));
    }

    [HttpPost("2fa/aktifkan")]
    public async Task<IActionResult> EnableAuthenticator(EnableAuthenticatorForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (ModelState.IsValid)
        {
            var code = form.Code!.Replace(" ", "", StringComparison.Ordinal);
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                // That renewed the security stamp: re-issue this session's cookie, or the next stamp check signs the person out.
                // The new cookie is built from the account as it is now, so a staff member loses the enrolment-only mark (ADR 0007).
                await signIn.RefreshSignInAsync(user);
                var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
                logger.LogInformation("Authenticator two-factor enabled for account {UserId}", user.Id);
                TempData[TempKeys.RecoveryCodes] = string.Join(' ', codes ?? []);
                return RedirectToAction(nameof(RecoveryCodes));
            }

            ModelState.AddModelError(nameof(EnableAuthenticatorForm.Code), t["TwoFactor.CodeWrong"]);
        }

        return View(await BuildAuthenticatorFormAsync(user));
    }

    [HttpGet("2fa/kode-pemulihan")]
    public IActionResult RecoveryCodes()
    {
        if (TempData[TempKeys.RecoveryCodes] is not string codes)
            return RedirectToAction(nameof(Index));
        return View(codes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [HttpPost("2fa/kode-pemulihan")]
    public async Task<IActionResult> RegenerateRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!user.TwoFactorEnabled)
            return RedirectToAction(nameof(Index));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        TempData[TempKeys.RecoveryCodes] = string.Join(' ', codes ?? []);
        return RedirectToAction(nameof(RecoveryCodes));
    }

    [HttpPost("2fa/nonaktifkan")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (User.IsInRole(Domain.Users.Roles.Officer) || User.IsInRole(Domain.Users.Roles.Supervisor) || User.IsInRole(Domain.Users.Roles.Admin))
        {
            // Staff must keep two-factor sign-in (DESIGN.md).
            TempData[TempKeys.Status] = t["TwoFactor.StaffRequired"].Value;
            return RedirectToAction(nameof(Index));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor disabled for account {UserId}", user.Id);
        TempData[TempKeys.Status] = t["TwoFactor.Disabled"].Value;
        return RedirectToAction(nameof(Index));
    }

    // ---------- helpers ----------

    private async Task<IActionResult> RedisplayAsync(RegisterForm form, CancellationToken ct)
    {
        form.KelurahanOptions = await kelurahan.ListAsync(ct);
        form.Password = null;
        form.ConfirmPassword = null;
        return View(nameof(Register), form);
    }

    private async Task<string?> SendConfirmationAsync(PortalUser user, CancellationToken ct)
    {
        var token = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.Absolute(Url.Action(nameof(ConfirmEmail), new { userId = user.Id, code = token })!);
        return await mail.SendAsync(compose.ConfirmEmail(user.Email!, user.FullName, link), ct);
    }

    private async Task<EnableAuthenticatorForm> BuildAuthenticatorFormAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp: keep this session, or the person is signed out while setting up the app.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = AuthenticatorUri.For(user.Email!, key!);
        return new EnableAuthenticatorForm
        {
            SharedKey = AuthenticatorUri.Group(key!),
            AuthenticatorUri = uri,
            QrCodeSvg = AuthenticatorUri.QrSvg(uri),
        };
    }

    private IActionResult LocalRedirectOrHome(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(HomeController.Index), "Home");

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static bool TryDecode(string code, out string token)
    {
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            return true;
        }
        catch (FormatException)
        {
            token = "";
            return false;
        }
    }
}

public sealed record AccountOverview(
    string FullName, string Email, string? PhoneNumber, string? MaskedNik, KelurahanOption? Kelurahan,
    bool TwoFactorEnabled, int RecoveryCodesLeft);
