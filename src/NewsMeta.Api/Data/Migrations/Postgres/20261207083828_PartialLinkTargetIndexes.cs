using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartialLinkTargetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleLinks_TargetExternalId",
                table: "ArticleLinks");

            migrationBuilder.DropIndex(
                name: "IX_ArticleLinks_TargetTitleKey",
                table: "ArticleLinks");

            migrationBuilder.DropIndex(
                name: "IX_ArticleLinks_TargetUrl",
                table: "ArticleLinks");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLinks_TargetExternalId",
                table: "ArticleLinks",
                column: "TargetExternalId",
                filter: "\"TargetExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLinks_TargetTitleKey",
                table: "ArticleLinks",
                column: "TargetTitleKey",
                filter: "\"TargetTitleKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLinks_TargetUrl",
                table: "ArticleLinks",
                column: "TargetUrl",
                filter: "\"TargetUrl\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleLinks_TargetExternalId",
                table: "ArticleLinks");

            migrationBuilder.DropIndex(
                name: "IX_ArticleLinks_TargetTitleKey",
                table: "ArticleLinks");

            migrationBuilder.DropIndex(
                name: "IX_ArticleLinks_TargetUrl",
                table: "ArticleLinks");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLinks_TargetExternalId",
                table: "ArticleLinks",
                column: "TargetExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLinks_TargetTitleKey",
                table: "ArticleLinks",
                column: "TargetTitleKey");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLinks_TargetUrl",
                table: "ArticleLinks",
                column: "TargetUrl");
        }
    }
}
