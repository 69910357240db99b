using Microsoft.AspNetCore.Http;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// One of the cookies <see cref="SameSiteShop"/> sets: a name and a <c>SameSite</c> mode, which tells the browser when to send
/// it back. <c>Strict</c>: only on requests a page of the same site started. <c>Lax</c>: on those, and on top-level navigations
/// with a safe method (<c>GET</c>) from another site, such as following a link. <c>None</c>: on every request, same-site or
/// cross-site; browsers keep it only with <c>Secure</c>. Defined in lesson 2.
/// </summary>
/// <param name="Name">The cookie's name, e.g. <c>lax</c>.</param>
/// <param name="Mode">Its <c>SameSite</c> attribute.</param>
public sealed record SameSiteCookie(string Name, SameSiteMode Mode)
{
    /// <summary>How its <c>Set-Cookie</c> header names the mode, e.g. <c>SameSite=None; Secure</c>.</summary>
    public string Attributes => Mode == SameSiteMode.None ? "SameSite=None; Secure" : $"SameSite={Mode}";

    /// <summary>
    /// The options the shop sets it with: path <c>/</c>, <c>HttpOnly</c> (no script reads a session cookie), this mode, and
    /// <c>Secure</c> for <c>None</c>. Chromium keeps a <c>Secure</c> cookie from plain <c>http://</c> on loopback
    /// (<c>127.0.0.1</c> and <c>localhost</c> count as secure contexts); on any other <c>http://</c> host it would drop it.
    /// </summary>
    public CookieOptions Options => new() { Path = "/", HttpOnly = true, SameSite = Mode, Secure = Mode == SameSiteMode.None };
}
