/* eslint-disable @typescript-eslint/no-require-imports */
// webpack: the task pane and the ribbon commands, as the Office generator's React template lays
// them out. `npm start` serves https://localhost:3000 with the Office dev certificates (installed
// into the trust store when the machine allows it, else served untrusted: scripts/dev-certs.cjs);
// `npm run dev-server -- --env http` (or PMO_DEV_HTTP=1) serves plain http for a browser preview;
// `npm run build` writes dist/ for production, with the manifest's URLs rewritten to ADDIN_URL.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const deployUrl = (process.env.ADDIN_URL || DEV_URL).replace(/\/?$/, "/");
  const config = {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: { keep: /^cli\// },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    // Office.js comes from Microsoft's CDN at run time (a script tag in the pages).
    externals: { "office-js": "Office" },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./src/commands/notice.html",
        chunks: ["notice"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) =>
              production
                ? content
                    .toString()
                    .replaceAll(DEV_URL, deployUrl)
                    .replaceAll(DEV_URL.slice(0, -1), new URL(deployUrl).origin)
                : content,
          },
        ],
      }),
    ],
  };
  if (!production) {
    const plainHttp = Boolean(env.http) || process.env.PMO_DEV_HTTP === "1";
    // Only the dev server needs certificates; loaded lazily so that builds and tests never touch them.
    const server =
      plainHttp || !env.WEBPACK_SERVE
        ? { type: plainHttp ? "http" : "https" }
        : { type: "https", options: await require("./scripts/dev-certs.cjs").devHttpsOptions() };
    config.devServer = {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server,
    };
  }
  return config;
};
