using Palopo.Portal.Application.Officer.Queues;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>Accounts' names and kelurahan as a query the queues compose into their own statement (no NIK, no contact data).</summary>
internal sealed class AccountQuery(PortalDbContext db) : IAccountQuery
{
    public IQueryable<AccountRow> Accounts =>
        db.Users.Select(u => new AccountRow { Id = u.Id, FullName = u.FullName, KelurahanCode = u.KelurahanCode });
}
