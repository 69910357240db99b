namespace BackendLab.Lessons.L02Boundary;

/// <summary>Which caches stand between <see cref="PageVisits"/>' users and the backend. Defined in lesson 2.</summary>
public enum PageCache
{
    /// <summary>No cache: every page view asks the backend for everything.</summary>
    None,
    /// <summary>Each user's browser keeps what <c>Cache-Control</c> allows (<c>max-age</c>; with an <c>ETag</c>, it revalidates with <c>If-None-Match</c>).</summary>
    Browser,
    /// <summary>The browsers, plus one cache shared by all users in front of the backend (a CDN or a reverse proxy) that keeps <c>public</c> responses.</summary>
    BrowserAndShared,
}
