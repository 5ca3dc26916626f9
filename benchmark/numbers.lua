-- wrk script: POST /verify/token-style requests, each with the next of 40 valid mobile numbers from many
-- countries, typed the ways users type them (the corpus rotates, so no answer can be cached).
-- Set wrk.path on the command line URL; FORMAT=json in the environment sends JSON instead of a form.
local numbers = {
  "+14155552671", "+1 (212) 555-0123", "+447400123456", "+44 7911 123456", "+4915123456789",
  "+49 170 1234567", "+33612345678", "+33 6 98 76 54 32", "+34612345678", "+393123456789",
  "+5511961234567", "+55 21 98765 4321", "+919876543210", "+91 98765 43210", "+819012345678",
  "+821012345678", "+8613800138000", "+61412345678", "+2348031234567", "+27712345678",
  "+254712345678", "+972502345678", "+971501234567", "+628123456789", "+525512345678",
  "+64211234567", "+353851234567", "+46701234567", "+31612345678", "+48512345678",
  "+905321234567", "+201001234567", "+639171234567", "+84912345678", "+66812345678",
  "+16135550199", "+18762101234", "+41781234567", "+4367612345678", "+32470123456",
}
local json = os.getenv("FORMAT") == "json"
local bodies = {}
for i, number in ipairs(numbers) do
  if json then
    bodies[i] = '{"phone_number":"' .. number .. '"}'
  else
    bodies[i] = "phone_number=" .. number:gsub("%+", "%%2B"):gsub(" ", "+"):gsub("%(", "%%28"):gsub("%)", "%%29")
  end
end
local contentType = json and "application/json" or "application/x-www-form-urlencoded"
local counter = 0

request = function()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", nil, { ["Content-Type"] = contentType }, body)
end
