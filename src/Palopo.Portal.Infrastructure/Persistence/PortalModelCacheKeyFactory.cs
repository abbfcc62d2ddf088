using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>
/// The model holds value converters bound to a <see cref="PortalDbContext.Cipher"/>, so a model is
/// cached per cipher: two hosts in one process (tests run SQLite and PostgreSQL side by side)
/// never read each other's keys.
/// </summary>
internal sealed class PortalModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is PortalDbContext portal
            ? (context.GetType(), portal.Cipher, designTime)
            : (context.GetType(), designTime);
}
