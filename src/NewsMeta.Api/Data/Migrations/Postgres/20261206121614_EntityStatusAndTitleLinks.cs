using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EntityStatusAndTitleLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Confidence",
                table: "Entities",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Entities",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.AddColumn<string>(
                name: "TargetTitleKey",
                table: "ArticleLinks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Status_ArticleCount_Id",
                table: "Entities",
                columns: new[] { "Status", "ArticleCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLinks_TargetTitleKey",
                table: "ArticleLinks",
                column: "TargetTitleKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entities_Status_ArticleCount_Id",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_ArticleLinks_TargetTitleKey",
                table: "ArticleLinks");

            migrationBuilder.DropColumn(
                name: "Confidence",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "TargetTitleKey",
                table: "ArticleLinks");
        }
    }
}
