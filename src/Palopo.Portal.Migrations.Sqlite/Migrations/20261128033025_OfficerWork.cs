using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Palopo.Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OfficerWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_AssignedOfficerId",
                table: "ServiceRequests");

            migrationBuilder.AddColumn<Guid>(
                name: "AgencyId",
                table: "ServiceRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<bool>(
                name: "AwaitsOfficer",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ActorAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DataSubjectUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_AgencyId_AwaitsOfficer_DueOn_Id",
                table: "ServiceRequests",
                columns: new[] { "AgencyId", "AwaitsOfficer", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_AssignedOfficerId_AwaitsOfficer_DueOn",
                table: "ServiceRequests",
                columns: new[] { "AssignedOfficerId", "AwaitsOfficer", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_AtUtc",
                table: "AuditEntries",
                columns: new[] { "Action", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorUserId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "ActorUserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_DataSubjectUserId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "DataSubjectUserId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_AgencyId_AwaitsOfficer_DueOn_Id",
                table: "ServiceRequests");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_AssignedOfficerId_AwaitsOfficer_DueOn",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "AwaitsOfficer",
                table: "ServiceRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_AssignedOfficerId",
                table: "ServiceRequests",
                column: "AssignedOfficerId");
        }
    }
}
