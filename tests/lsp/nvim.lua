-- nvim.lua: Neovim's own LSP client against `plc lsp` (run by nvim.sh): open a plan with
-- an error, wait for the diagnostic, ask for a hover; write what came to $OUT.
local plc = os.getenv("PLC")
local out = assert(io.open(os.getenv("OUT"), "w"))
local function say(s) out:write(s .. "\n") out:flush() end

vim.opt.runtimepath:prepend(os.getenv("EDITORS"))
vim.cmd("runtime! ftdetect/*.vim")
vim.cmd("filetype plugin on")
vim.cmd("edit " .. os.getenv("PLAN"))
local buf = vim.api.nvim_get_current_buf()
say("filetype " .. vim.bo[buf].filetype)

local id = vim.lsp.start_client({
  name = "plc",
  cmd = { plc, "lsp" },
  root_dir = vim.fn.fnamemodify(os.getenv("PLAN"), ":h"),
})
vim.lsp.buf_attach_client(buf, id)

local ok = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  say(string.format("diagnostic %d:%d %s %s", d.lnum + 1, d.col, d.code or
    (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?", d.message))
end
if not ok then say("no diagnostics in time") end

-- hover on the indicator's id in line 3 (indicator gdp …), column of 'gdp'
local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
local col = line:find("gdp", 1, true) - 1
local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
                 position = { line = 2, character = col } }
local res = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000) or {}
for _, r in pairs(res) do
  if r.result and r.result.contents then
    local v = r.result.contents.value or ""
    say("hover " .. v:gsub("\n", " "))
  elseif r.err then
    say("hover error " .. vim.inspect(r.err))
  end
end

vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
out:close()
vim.cmd("qa!")
