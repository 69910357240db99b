namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// The requests of lesson 2's <c>SameSite</c> experiment (<see cref="SameSiteShop.OpenInChromiumAsync"/>), in the order the
/// browser makes them. Defined in lesson 2.
/// </summary>
public enum SameSiteStep
{
    /// <summary><c>GET /</c>: the browser opens the shop's page, whose answer sets the cookies (so this request carries none).</summary>
    ShopPage,

    /// <summary><c>POST /orders</c> from the shop's own page: a same-site form post, the control.</summary>
    OwnFormPost,

    /// <summary><c>POST /orders</c> from a page on another site: a cross-site form post, the forged order of a CSRF attack.</summary>
    CrossSiteFormPost,

    /// <summary><c>GET /account</c> by a link on another site: a cross-site top-level navigation with a safe method.</summary>
    CrossSiteLink,
}
