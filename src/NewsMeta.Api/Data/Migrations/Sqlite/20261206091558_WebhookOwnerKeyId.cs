using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookOwnerKeyId : Migration
    {
        // Subscriptions were owned by a key's name, which a configured and a stored key could share; each now
        // names its key by stable id (KeyIds): a stored key's row id where a stored key has the name, else the
        // configured key of that name.
        private const string ToKeyIds = """
            UPDATE "WebhookSubscriptions" SET "OwnerKeyId" = COALESCE(
                (SELECT 'key:' || CAST(k."Id" AS TEXT) FROM "ApiKeys" AS k WHERE k."Name" = "WebhookSubscriptions"."OwnerKeyId"),
                'cfg:' || "OwnerKeyId")
            """;

        private const string ToNames = """
            UPDATE "WebhookSubscriptions" SET "OwnerKeyId" = COALESCE(
                (SELECT k."Name" FROM "ApiKeys" AS k WHERE 'key:' || CAST(k."Id" AS TEXT) = "WebhookSubscriptions"."OwnerKeyId"),
                SUBSTR("OwnerKeyId", 5))
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookSubscriptions_Owner_Id",
                table: "WebhookSubscriptions");

            migrationBuilder.RenameColumn(
                name: "Owner",
                table: "WebhookSubscriptions",
                newName: "OwnerKeyId");

            migrationBuilder.Sql(ToKeyIds);

            migrationBuilder.AlterColumn<string>(
                name: "OwnerKeyId",
                table: "WebhookSubscriptions",
                type: "TEXT",
                maxLength: 104,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_OwnerKeyId_Id",
                table: "WebhookSubscriptions",
                columns: new[] { "OwnerKeyId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookSubscriptions_OwnerKeyId_Id",
                table: "WebhookSubscriptions");

            migrationBuilder.AlterColumn<string>(
                name: "OwnerKeyId",
                table: "WebhookSubscriptions",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 104);

            migrationBuilder.Sql(ToNames);

            migrationBuilder.RenameColumn(
                name: "OwnerKeyId",
                table: "WebhookSubscriptions",
                newName: "Owner");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_Owner_Id",
                table: "WebhookSubscriptions",
                columns: new[] { "Owner", "Id" });
        }
    }
}
