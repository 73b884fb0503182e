-- The Colab badge is a lone linked image in its own paragraph, which Pandoc turns into a figure (centred, with
-- its alt text "Open In Colab" as a caption under it). Put it back as an inline badge in a plain paragraph, with
-- the caption as the image's alt text again. Every other figure is left alone.
function Figure(fig)
  local blk = fig.content[1]
  if #fig.content ~= 1 or (blk.t ~= "Plain" and blk.t ~= "Para") then return nil end
  local badge = false
  local inlines = blk.content:walk { Image = function(img)
    if not img.src:match("colab%-badge%.svg") then return nil end
    badge = true
    if #img.caption == 0 then img.caption = pandoc.utils.blocks_to_inlines(fig.caption.long) end
    return img
  end }
  if badge then return pandoc.Para(inlines) end
end
